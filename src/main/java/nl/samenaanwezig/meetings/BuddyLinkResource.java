package nl.samenaanwezig.meetings;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;

/**
 * The buddy's page behind the personal link (/m/{token}): no account, one meeting only, in the
 * buddy's language. Choose or change a time, say none fits and when instead, or give the time back.
 * A token we never made is 404; a link that expired, was revoked or lost its consent is 410, and
 * every change re-checks that inside its own transaction. The token is the only secret, so these
 * forms need no session or CSRF token.
 */
@Path("/m/{token}")
@Produces(MediaType.TEXT_HTML)
public class BuddyLinkResource {
  @Inject BuddyLinks links;
  @Inject Bookings bookings;
  @Inject MeetingBook meetings;
  @Inject Slots slots;
  @Inject Outcomes outcomes;
  @Inject Clock clock;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  public Response page(
      @PathParam("token") String token,
      @QueryParam("lang") String lang,
      @QueryParam("notice") String notice,
      @QueryParam("refused") String refused) {
    BuddyLinks.Opened opened = links.open(token);
    if (!(opened instanceof BuddyLinks.Opened.Valid valid)) {
      return failure(opened, lang);
    }
    BuddyLink link = valid.link();
    Locale locale = localeOf(link, lang);
    Meeting m = meetings.find(link.meeting().id()).orElseThrow();
    ParticipantPage view = new ParticipantPage("buddy", locale, meetings, slots, outcomes, clock);
    Map<String, Object> vars = new HashMap<>(view.messages(notice, refused));
    // Notes and agreements are shared with the student only: the student decides what goes home.
    vars.put("card", view.card(m, List.of(), List.of()));
    vars.put("buddyName", link.buddy().details().name());
    vars.put("action", "/m/" + token);
    vars.put("langQuery", lang == null ? "" : "?lang=" + locale.getLanguage());
    vars.put("otherLang", locale.getLanguage().equals("en") ? "nl" : "en");
    vars.put("grid", Views.grid());
    vars.put("expires", Views.moment(link.expiresAt(), locale));
    vars.put(
        "fallback",
        lang == null
            ? BuddyLanguage.missing(link.buddy())
                .map(w -> Pages.text(locale, "link.fallback", w.getDisplayLanguage(locale)))
                .orElse(null)
            : null);
    return Views.html(200, pages.render("buddy-link", locale, vars));
  }

  @POST
  @Path("book")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response book(
      @PathParam("token") String token,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    BuddyLinks.Opened opened = links.open(token);
    if (!(opened instanceof BuddyLinks.Opened.Valid valid)) {
      return failure(opened, lang);
    }
    Optional<Long> slot = Views.id(Views.text(form, "slot"));
    if (slot.isEmpty()) {
      return back(token, lang, "refused=booking.noSlot");
    }
    long linkId = valid.link().id();
    try {
      Bookings.Result r =
          bookings.book(
              valid.link().meeting().id(),
              slot.get(),
              Who.BUDDY,
              em -> links.stillWorks(em, linkId));
      return back(token, lang, (r.done() ? "notice=" : "refused=") + r.messageKey());
    } catch (BuddyLinks.GoneException e) {
      return failure(e.gone(), lang);
    }
  }

  @POST
  @Path("cancel")
  public Response cancel(@PathParam("token") String token, @QueryParam("lang") String lang) {
    BuddyLinks.Opened opened = links.open(token);
    if (!(opened instanceof BuddyLinks.Opened.Valid valid)) {
      return failure(opened, lang);
    }
    long linkId = valid.link().id();
    try {
      Bookings.Result r =
          bookings.release(
              valid.link().meeting().id(), Who.BUDDY, em -> links.stillWorks(em, linkId));
      return back(token, lang, (r.done() ? "notice=" : "refused=") + r.messageKey());
    } catch (BuddyLinks.GoneException e) {
      return failure(e.gone(), lang);
    }
  }

  @POST
  @Path("unfit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response unfit(
      @PathParam("token") String token,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    BuddyLinks.Opened opened = links.open(token);
    if (!(opened instanceof BuddyLinks.Opened.Valid valid)) {
      return failure(opened, lang);
    }
    List<String> codes = form.get("slot") == null ? List.of() : form.get("slot");
    String note = Views.text(form, "note");
    if (!Availability.unknown(codes).isEmpty()
        || note.length() > Answer.MAX_NOTE
        || (codes.isEmpty() && note.isEmpty())) {
      return back(token, lang, "refused=answer.problem");
    }
    Meeting m = valid.link().meeting();
    if (!m.status().isOpenForBooking()) {
      return back(token, lang, "refused=booking.closed");
    }
    long linkId = valid.link().id();
    try {
      bookings.answer(
          m.id(),
          Who.BUDDY,
          valid.link().buddy().id(),
          Availability.ofCodes(codes),
          note,
          em -> links.stillWorks(em, linkId));
    } catch (BuddyLinks.GoneException e) {
      return failure(e.gone(), lang);
    }
    return back(token, lang, "notice=answer.saved");
  }

  private Response failure(BuddyLinks.Opened opened, String lang) {
    if (opened instanceof BuddyLinks.Opened.Gone gone) {
      // Whoever holds a dead link (a forwarded mail, a shared phone) learns nothing from it: no
      // mentor, no course, only that it stopped and to ask the school.
      Locale locale = localeOf(gone.link(), lang);
      Map<String, Object> vars =
          Map.of("messageKey", "link.gone." + gone.reason().name(), "status", 410);
      return Views.html(410, pages.render("link-error", locale, vars));
    }
    Locale locale =
        lang == null
            ? ErrorPages.localeOf(request)
            : Locales.supported(Locale.forLanguageTag(lang));
    return Views.html(
        404,
        pages.render("link-error", locale, Map.of("messageKey", "link.unknown", "status", 404)));
  }

  /** The buddy's language unless they switched on the page; Dutch when we have no texts in it. */
  private static Locale localeOf(BuddyLink link, String lang) {
    return lang != null
        ? Locales.supported(Locale.forLanguageTag(lang))
        : BuddyLanguage.of(link.buddy());
  }

  private static Response back(String token, String lang, String query) {
    String langPart =
        lang == null ? "" : "lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8) + "&";
    return Response.seeOther(URI.create("/m/" + token + "?" + langPart + query)).build();
  }
}

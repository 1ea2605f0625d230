package nl.samenaanwezig.admin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.attendance.MentorGroups;
import nl.samenaanwezig.attendance.MentorGroups.Mode;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * The administrator's choice of mentor groups ({@code /admin/mentor-groups}): every course is a
 * class, or only the marked courses are; their teachers see the students' figures and signals of
 * every course, the teachers of other courses only their own lessons.
 */
@Path("/admin/mentor-groups")
@Produces(MediaType.TEXT_HTML)
public class MentorGroupsResource {
  @Inject Sessions sessions;
  @Inject MentorGroups mentorGroups;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** A course on the page: whether it is marked. */
  public record Choice(long id, String title, boolean marked) {}

  @GET
  public String page(@QueryParam("notice") String notice) {
    Session session = admin();
    long institutionId = session.platform().institution().id();
    Mode mode = mentorGroups.mode(institutionId);
    List<Choice> choices = new ArrayList<>();
    for (Course c : mentorGroups.courses(institutionId)) {
      choices.add(new Choice(c.id(), c.displayTitle(), c.markedMentorGroup()));
    }
    return render(session, mode, choices, "mentorGroups.saved".equals(notice), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(MultivaluedMap<String, String> form) {
    Session session = admin();
    long institutionId = session.platform().institution().id();
    Optional<Mode> mode = Mode.parse(form.getFirst("mode"));
    List<Long> marked = new ArrayList<>();
    boolean readable = mode.isPresent();
    for (String id : form.getOrDefault("course", List.of())) {
      try {
        marked.add(Long.parseLong(id.strip()));
      } catch (NumberFormatException e) {
        readable = false;
      }
    }
    if (readable) {
      try {
        mentorGroups.choose(institutionId, mode.get(), marked);
        return Response.seeOther(URI.create("/admin/mentor-groups?notice=mentorGroups.saved"))
            .build();
      } catch (IllegalArgumentException e) {
        // A course of another institution, or none at all: refused below like a bad form.
      }
    }
    Set<Long> typed = Set.copyOf(marked);
    List<Choice> choices = new ArrayList<>();
    for (Course c : mentorGroups.courses(institutionId)) {
      choices.add(new Choice(c.id(), c.displayTitle(), typed.contains(c.id())));
    }
    return Response.status(400)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(
            render(
                session,
                mode.orElse(mentorGroups.mode(institutionId)),
                choices,
                false,
                Pages.text(session.locale(), "mentorGroups.problem")))
        .build();
  }

  private Session admin() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }

  private String render(
      Session session, Mode mode, List<Choice> choices, boolean saved, String problem) {
    long institutionId = session.platform().institution().id();
    Map<String, Object> vars = Frame.of(session, "/admin/mentor-groups");
    vars.put("institution", session.platform().institution().name());
    vars.put("mode", mode.name());
    vars.put("modes", List.of(Mode.ALL.name(), Mode.MARKED.name()));
    vars.put("choices", choices);
    vars.put("several", mentorGroups.studentsInSeveralCourses(institutionId));
    vars.put("saved", saved);
    vars.put("problem", problem);
    return pages.render("mentor-groups", session.locale(), vars);
  }
}

package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two students press "Deze tijd kiezen" for the last place at the same moment: one gets it. */
class BookingRaceTest {
  static MeetingWorld world;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void twoConcurrentBookingsOfTheLastPlaceExactlyOneWins() throws Exception {
    Browser anna = Buddies.student(world.platform, "s-anna", "Anna", "Bos");
    Browser bram = Buddies.student(world.platform, "s-bram", "Bram", "Bos");
    long annaId = world.personId("s-anna");
    long bramId = world.personId("s-bram");
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        String from = String.format("%02d:00", 9 + round);
        world.addSlots(Map.of("from", from, "minutes", "30"));
        long slot = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(9 + round, 0));
        long annaMeeting = world.plan(annaId, "VOORTGANG", null);
        long bramMeeting = world.plan(bramId, "VOORTGANG", null);
        String annaCsrf = ClassPages.csrf(anna.get(world.url("/me/meetings")));
        String bramCsrf = ClassPages.csrf(bram.get(world.url("/me/meetings")));
        CyclicBarrier together = new CyclicBarrier(2);
        Future<HttpResponse<String>> a =
            two.submit(() -> book(anna, annaMeeting, slot, annaCsrf, together));
        Future<HttpResponse<String>> b =
            two.submit(() -> book(bram, bramMeeting, slot, bramCsrf, together));
        List<String> outcomes = new ArrayList<>();
        for (HttpResponse<String> r : List.of(a.get(), b.get())) {
          assertEquals(303, r.statusCode(), r.body());
          outcomes.add(r.headers().firstValue("Location").orElseThrow().replaceAll(".*\\?", ""));
        }
        assertEquals(
            1,
            outcomes.stream().filter("notice=booking.booked"::equals).count(),
            "round " + round + ": " + outcomes);
        assertEquals(
            1,
            outcomes.stream().filter("refused=booking.full"::equals).count(),
            "round " + round + ": " + outcomes);
        assertEquals(1, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));
        assertEquals(
            1,
            world.tool.count(
                "SELECT COUNT(*) FROM meeting WHERE slot_id = ? AND status = 'PLANNED'", slot));
      }
    } finally {
      two.shutdownNow();
    }
  }

  private static HttpResponse<String> book(
      Browser student, long meetingId, long slot, String csrf, CyclicBarrier together)
      throws Exception {
    together.await();
    return student.postForm(
        world.url("/me/meetings/" + meetingId + "/book"),
        Map.of("csrf", csrf, "slot", String.valueOf(slot)));
  }
}

package nl.samenaanwezig.attendance;

/**
 * What one mark adds to a student's day in {@code presence_day}; a changed mark subtracts its old
 * delta and adds the new one.
 */
record DayDelta(
    int lessons,
    int scheduled,
    int attended,
    int unexcused,
    int late,
    int sick,
    int absent,
    int luxury) {

  static DayDelta of(Mark.Entry entry, int scheduled, CategoryPolicy policy) {
    MarkCategory c = entry.category();
    return new DayDelta(
        1,
        scheduled,
        c.attendedMinutes(scheduled, entry.lateMinutes()),
        policy.unexcusedMinutes(c, scheduled, entry.lateMinutes()),
        c == MarkCategory.LATE ? 1 : 0,
        c == MarkCategory.SICK ? 1 : 0,
        c.isAbsence() ? 1 : 0,
        c == MarkCategory.LUXURY ? 1 : 0);
  }

  DayDelta plus(DayDelta o) {
    return new DayDelta(
        lessons + o.lessons,
        scheduled + o.scheduled,
        attended + o.attended,
        unexcused + o.unexcused,
        late + o.late,
        sick + o.sick,
        absent + o.absent,
        luxury + o.luxury);
  }

  DayDelta negate() {
    return new DayDelta(
        -lessons, -scheduled, -attended, -unexcused, -late, -sick, -absent, -luxury);
  }

  boolean isZero() {
    return equals(new DayDelta(0, 0, 0, 0, 0, 0, 0, 0));
  }
}

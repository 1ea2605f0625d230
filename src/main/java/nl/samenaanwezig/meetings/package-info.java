/**
 * MOL-gesprekken: mentor-ouder-leerling talks. The mentor offers times, invites a class or one
 * student with the buddies the consent rules allow, the student books in the LMS and a buddy
 * through a personal signed link, mails carry calendar invitations, and after the talk the notes
 * and agreements are kept.
 */
package nl.samenaanwezig.meetings;

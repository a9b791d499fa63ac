# The organisers' console (issue 17, item 3) and name badges (item 4).
console-sections = Sections of the console
console-section-overview = Overview
console-section-participants = Participants
console-section-requests = Requests
console-section-schedule = Schedule
console-section-tables = Tables and rooms
console-section-round-tables = Round tables
console-section-printouts = Printouts
console-title-overview = Organise
console-title-participants = Participants
console-title-requests = Meeting requests
console-title-schedule = Schedule
console-title-tables = Tables and rooms
console-title-round-tables = Round tables
console-title-printouts = Printouts
console-in-numbers = In numbers
console-next = What to do next
console-fig-registered = Registered
console-fig-waiting = On the waiting list
console-fig-requests = Meeting requests
console-fig-pending = Waiting for an answer
console-fig-accepted = Accepted
console-fig-placed = Meetings placed
console-fig-checked-in = Checked in
console-next-approve = { $count ->
        [one] One person is on the waiting list: approve them or not.
       *[other] { $count_text } people are on the waiting list: approve them or not.
    }
console-next-pending = { $count ->
        [one] One meeting request is waiting for an answer.
       *[other] { $count_text } meeting requests are waiting for an answer.
    }
console-next-over = { $count ->
        [one] The event is over, one participant came. Its printouts stay available.
       *[other] The event is over, { $count_text } participants came. Its printouts stay available.
    }
console-next-schedule = { $count ->
        [one] One accepted meeting has no slot yet: schedule the meetings.
       *[other] { $count_text } accepted meetings have no slot yet: schedule the meetings.
    }
console-next-print = { $count ->
        [one] The accepted meeting is placed: print the table plan and the badges.
       *[other] All { $count_text } accepted meetings are placed: print the table plan and the badges.
    }
console-next-wait = { $count ->
        [one] One participant is registered; no meeting is accepted yet.
       *[other] { $count_text } participants are registered; no meeting is accepted yet.
    }
console-desk-search = Name, organisation or badge code
console-desk-find = Find
console-desk-all = Show everyone
console-desk-help = Scanning a badge's QR code into the field finds its holder at once; check them in with the button (the row updates in place).
console-desk-nobody = Nobody matches this search.
console-organisation = Organisation
console-approve = Approve
console-no-requests = No meeting requests yet.
console-printouts-help = Each printout has its own print layout: use your browser's Print command on the page.
console-print-agendas = Print every participant's agenda (one per page)
console-print-badges = Print the name badges (eight per A4 page)
console-round-tables-help = Groups of four to six around shared themes, mixing clusters, among the participants who asked for a round table.
console-no-round-tables = Nobody has asked for a round table yet.
console-round-table-shared = Shared themes:
console-running = Scheduling is running… best so far { $best } of { $accepted } meetings placed. This page refreshes by itself.
console-running-what-if = The what-if run is running… best so far { $best } of { $accepted } meetings placed. This page refreshes by itself.
console-result-none = No meeting is accepted yet: there is nothing to schedule.
console-result-every = { $placed ->
        [one] The accepted meeting is placed.
       *[other] All { $placed_text } accepted meetings are placed.
    }
console-result-all = { $placed ->
        [one] The one meeting that can be held is placed
       *[other] All { $placed_text } meetings that can be held are placed
    }; { $left ->
        [one] one cannot be, because:
       *[other] { $left_text } cannot be, because:
    }
console-result-some = { $placed_text } of { $accepted_text } accepted meetings are placed; a longer run may place more. { $left ->
        [one] One is not placed, because:
       *[other] { $left_text } are not placed, because:
    }
console-result-now = { $placed_text } of { $accepted_text } accepted meetings are placed. { $left ->
        [one] One is not placed, because:
       *[other] { $left_text } are not placed, because:
    }
console-because-no-common-slot = { $count ->
        [one] one pair shares no slot where both are available
       *[other] { $count_text } pairs share no slot where both are available
    }
console-because-sides-busy = { $count ->
        [one] in one pair, one side or the other already has a meeting in every slot they share
       *[other] in { $count_text } pairs, one side or the other already has a meeting in every slot they share
    }
console-because-no-table = { $count ->
        [one] for one pair, no table is free when both are
       *[other] for { $count_text } pairs, no table is free when both are
    }
console-because-busy-or-no-table = { $count ->
        [one] for one pair, every shared slot is taken by a meeting of one side or has no table left
       *[other] for { $count_text } pairs, every shared slot is taken by a meeting of one side or has no table left
    }
console-because-duplicate = { $count ->
        [one] one pair already meets in another meeting
       *[other] { $count_text } pairs already meet in another meeting
    }
console-because-not-reached = { $count ->
        [one] one could be placed by scheduling again
       *[other] { $count_text } could be placed by scheduling again
    }
console-why-no-common-slot = They share no slot where both are available.
console-why-sides-busy = { $count ->
        [one] In the one slot they share, one of them already has a meeting.
       *[other] In each of the { $count_text } slots they share, one of them already has a meeting.
    }
console-why-no-table = { $count ->
        [one] In the one slot they share, every table is taken.
       *[other] In the { $count_text } slots they share, every table is taken whenever both are free.
    }
console-why-busy-or-no-table = { $count ->
        [one] In the one slot they share, one of them has a meeting or no table is left.
       *[other] In each of the { $count_text } slots they share, one of them has a meeting or no table is left.
    }
console-why-duplicate = These two already meet in another meeting.
console-why-not-reached = A slot and a table are free for it: the last run stopped before placing it.
console-fix-one-more-slot = One more slot at the end of the day (a later end) would place it.
console-fix-one-more-table = One more table at { $slot } would place it.
console-fix-availability = It would be placed if { $who } were available at { $slot }.
console-fix-run-again = Scheduling again places it.
console-fix-nothing = Nothing to do.
console-schedule-now = Schedule and publish
console-schedule-help = Places every accepted meeting in a slot and at a table and publishes the plan to the participants' agendas. Meetings already placed stay where they are whenever possible.
console-what-if = What if…
console-what-if-help = Try more tables or a later end before changing anything: the result is compared with the current plan, and nothing is published.
console-what-if-tables = More tables in every slot
console-what-if-slots = More slots at the end of the day
console-what-if-run = Try it
console-what-if-still = Still not placed
console-change-tables = { $tables ->
        [one] one more table in every slot
       *[other] { $tables } more tables in every slot
    }
console-change-slots = { $slots ->
        [one] one more slot at the end of the day
       *[other] { $slots } more slots at the end of the day
    }
console-change-both = { $tables } more tables in every slot and { $slots } more slots at the end of the day
console-what-if-result = With { $change }: { $placed_text } meetings placed instead of { $current_text } ({ $delta_text }); { $left ->
        [0] none left out.
        [one] one still left out.
       *[other] { $left_text } still left out.
    } Nothing has been published: to apply it, change the tables (Tables and rooms) or the programme, then schedule.
flash-schedule-started = Scheduling has started.
flash-what-if-started = The what-if run has started: nothing will be published.
flash-participant-approved = Participant approved: they are registered now.
badges-title = Name badges
badges-help = { $count ->
        [one] One badge, eight per A4 page. Each QR code holds the holder's check-in code: scan it at the desk.
       *[other] { $count_text } badges, eight per A4 page. Each QR code holds the holder's check-in code: scan it at the desk.
    }
badges-none = Nobody is registered yet.
badge-qr-label = Check-in code of { $name }
console-what-if-same = no change
console-fix-give-up-another = Only one of them giving up another meeting would place it.

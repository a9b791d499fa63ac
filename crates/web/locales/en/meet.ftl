# Meeting the other participants of an event (issue 17): suggestions, undo, video links,
# the programme rows of the new-event form, printed agendas.
meet-suggested-title = Suggested for you
meet-suggested-lead = Participants whose work matches your organisation's, found by our matchmaker among this event's participants; those from other clusters come first.
meet-everyone = Everyone at this event
meet-other-cluster = another cluster
meet-why = Why meet
meet-undo = Withdraw request

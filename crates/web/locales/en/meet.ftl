# Meeting the other participants of an event (issue 17): suggestions, undo, video links,
# the programme rows of the new-event form, printed agendas.
meet-suggested-title = Suggested for you
meet-suggested-lead = Participants whose work matches your organisation's, found by our matchmaker among this event's participants; those from other clusters come first.
meet-everyone = Everyone at this event
meet-other-cluster = another cluster
meet-why = Why meet
meet-undo = Withdraw request
meet-video-join = Join the video call
meet-video-add = Add a video link
meet-video-change = Change the video link
meet-video-label = Video link (https)
meet-video-save = Save link
meet-video-clear = Remove link
flash-video-saved = Video link saved: both of you see it on your agendas.
flash-video-cleared = Video link removed.
flash-video-not-saved = Video link not saved.
flash-video-not-saved-because = Video link not saved: { $reason }.
meet-print-agendas-title = Personal agendas
meet-print-agendas-help = Every registered participant's agenda, one per printed page: print this page (Ctrl+P) for the welcome desk.
meet-print-no-meetings = No meetings on this agenda yet.
meet-print-no-participants = Nobody is registered yet.
meet-print-agendas-link = Print every participant's agenda
meet-print-video = Video call: { $url }

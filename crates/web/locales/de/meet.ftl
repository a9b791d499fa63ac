# Die anderen Teilnehmenden einer Veranstaltung treffen (Issue 17): Vorschläge, Zurückziehen,
# Videolinks, Programmzeilen, gedruckte Agenden.
meet-suggested-title = Vorschläge für Sie
meet-suggested-lead = Teilnehmende, deren Arbeit zu der Ihrer Organisation passt, von unserem Matchmaking unter den Teilnehmenden dieser Veranstaltung gefunden; solche aus anderen Clustern zuerst.
meet-everyone = Alle Teilnehmenden dieser Veranstaltung
meet-other-cluster = anderer Cluster
meet-why = Warum treffen
meet-undo = Anfrage zurückziehen
meet-video-join = An der Videokonferenz teilnehmen
meet-video-add = Videolink hinzufügen
meet-video-change = Videolink ändern
meet-video-label = Videolink (https)
meet-video-save = Link speichern
meet-video-clear = Link entfernen
flash-video-saved = Videolink gespeichert: Sie beide sehen ihn in Ihrer Agenda.
flash-video-cleared = Videolink entfernt.
flash-video-not-saved = Videolink nicht gespeichert.
flash-video-not-saved-because = Videolink nicht gespeichert: { $reason }.
meet-print-agendas-title = Persönliche Agenden
meet-print-agendas-help = Die Agenda jeder angemeldeten Person, eine pro gedruckter Seite: Drucken Sie diese Seite (Strg+P) für den Empfang.
meet-print-no-meetings = Noch keine Termine in dieser Agenda.
meet-print-no-participants = Noch niemand ist angemeldet.
meet-print-agendas-link = Die Agenda jeder teilnehmenden Person drucken
meet-print-video = Videokonferenz: { $url }

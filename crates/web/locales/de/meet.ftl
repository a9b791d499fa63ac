# Die anderen Teilnehmenden einer Veranstaltung treffen (Issue 17): Vorschläge, Zurückziehen,
# Videolinks, Programmzeilen, gedruckte Agenden.
meet-suggested-title = Vorschläge für Sie
meet-suggested-lead = Teilnehmende, deren Arbeit zu der Ihrer Organisation passt, von unserem Matchmaking unter den Teilnehmenden dieser Veranstaltung gefunden; solche aus anderen Clustern zuerst.
meet-everyone = Alle Teilnehmenden dieser Veranstaltung
meet-other-cluster = anderer Cluster
meet-why = Warum treffen
meet-undo = Anfrage zurückziehen

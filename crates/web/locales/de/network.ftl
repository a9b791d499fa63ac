# Die Karte des Kooperationsnetzes (/analytics/network), das Veröffentlichen der Zahlen und die Diagramme der Kennzahlen.

## Die Netzkarte
network-heading = Kooperationsnetz
network-lead = { $organisations } Organisationen mit mindestens einem gemeinsamen Projekt, verbunden durch { $edges } Partnerpaare (die { $drawn } stärksten sind gezeichnet); { $meetings } Paare haben sich bei Veranstaltungen getroffen, die Sie sehen dürfen (rot gestrichelt). { $left } Organisationen ohne gemeinsames Projekt fehlen auf der Karte. Die Kreise wachsen mit der Zwischenzentralität; ein Klick öffnet die Organisation.
network-desc = Eine Karte von { $organisations } Organisationen, so angeordnet, dass häufige Partner nah beieinander liegen. Es wurden { $communities } Gemeinschaften gefunden (Modularität { $modularity }); die Zwischenzentralität ist { $exact ->
    [yes] exakt.
   *[no] durch Stichproben geschätzt, auf ±{ $bound } genau mit Wahrscheinlichkeit 0,9.
  } Die Tabelle unten nennt die zentralsten Organisationen.
network-search-label = Organisation suchen
network-colour = Färben nach
network-by-cluster = Cluster
network-by-community = Gemeinschaft
network-no-match = Keine Organisation auf der Karte trägt diesen Namen.
network-matches = Auf der Karte (schwarz umrandet):
network-zoom-in = Vergrößern
network-zoom-out = Verkleinern
network-reset = Ganze Karte
network-meeting-key = stattgefundenes Treffen, das Sie sehen dürfen
network-top = Die zentralsten Organisationen
network-top-caption = Die 50 Organisationen mit der höchsten Zwischenzentralität, mit ihrem Grad (Partner in gemeinsamen Projekten); die CSV-Datei enthält alle Organisationen der Karte
network-clusters = Cluster
network-degree = Partner
network-community-n = Gemeinschaft { $number }
network-other-communities = kleinere Gemeinschaften
network-no-cluster = in keinem Cluster

## Zahlen veröffentlichen
publish-label = Wer diese Zahlen sieht
publish-not-published = nur Administratoren und die Manager des Clusters
publish-to-members = für die Mitglieder veröffentlicht
publish-to-public = für alle veröffentlicht
publish-save = Speichern
publish-note-members = Diese Zahlen sind für die Mitglieder der Initiative veröffentlicht. Anzahlen von Treffen unter 5 erscheinen für Leser, die diese Treffen nicht sehen dürfen, als „weniger als 5“.
publish-note-public = Diese Zahlen sind für alle veröffentlicht. Anzahlen von Treffen unter 5 erscheinen für Leser, die diese Treffen nicht sehen dürfen, als „weniger als 5“.
publish-fewer-than = weniger als { $n }
flash-analytics-published = Wer diese Zahlen sieht, wurde gespeichert.

## Diagramme der Kennzahlen
chart-heading = Kennzahlen im Zeitverlauf
chart-desc = { $kpi } je Jahr von { $from } bis { $to }, { $lines ->
    [one] eine Linie
   *[other] { $lines } Linien
  } (die Initiative und jeder Cluster); die Achse reicht von 0 bis { $max }. Die Tabelle darunter enthält alle Werte.

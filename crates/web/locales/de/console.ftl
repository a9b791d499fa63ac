# Die Konsole der Organisatoren (Issue 17, Punkt 3) und Namensschilder (Punkt 4).
console-sections = Bereiche der Konsole
console-section-overview = Übersicht
console-section-participants = Teilnehmende
console-section-requests = Anfragen
console-section-schedule = Planung
console-section-tables = Tische und Räume
console-section-round-tables = Runde Tische
console-section-printouts = Ausdrucke
console-title-overview = Organisieren
console-title-participants = Teilnehmende
console-title-requests = Terminanfragen
console-title-schedule = Planung
console-title-tables = Tische und Räume
console-title-round-tables = Runde Tische
console-title-printouts = Ausdrucke
console-in-numbers = In Zahlen
console-next = Nächste Schritte
console-fig-registered = Angemeldet
console-fig-waiting = Auf der Warteliste
console-fig-requests = Terminanfragen
console-fig-pending = Warten auf Antwort
console-fig-accepted = Angenommen
console-fig-placed = Termine eingeplant
console-fig-checked-in = Eingecheckt
console-next-approve = { $count ->
        [one] Eine Person steht auf der Warteliste: Nehmen Sie sie auf oder nicht.
       *[other] { $count_text } Personen stehen auf der Warteliste: Nehmen Sie sie auf oder nicht.
    }
console-next-pending = { $count ->
        [one] Eine Terminanfrage wartet auf Antwort.
       *[other] { $count_text } Terminanfragen warten auf Antwort.
    }
console-next-over = { $count ->
        [one] Die Veranstaltung ist vorbei, eine Person war da. Die Ausdrucke bleiben verfügbar.
       *[other] Die Veranstaltung ist vorbei, { $count_text } Personen waren da. Die Ausdrucke bleiben verfügbar.
    }
console-next-schedule = { $count ->
        [one] Ein angenommener Termin hat noch keinen Zeitslot: Starten Sie die Planung.
       *[other] { $count_text } angenommene Termine haben noch keinen Zeitslot: Starten Sie die Planung.
    }
console-next-print = { $count ->
        [one] Der angenommene Termin ist eingeplant: Drucken Sie den Tischplan und die Namensschilder.
       *[other] Alle { $count_text } angenommenen Termine sind eingeplant: Drucken Sie den Tischplan und die Namensschilder.
    }
console-next-wait = { $count ->
        [one] Eine Person ist angemeldet; noch ist kein Termin angenommen.
       *[other] { $count_text } Personen sind angemeldet; noch ist kein Termin angenommen.
    }
console-desk-search = Name, Organisation oder Code des Namensschilds
console-desk-find = Suchen
console-desk-all = Alle anzeigen
console-desk-help = Wird der QR-Code eines Namensschilds in das Feld gescannt, erscheint die Person sofort; checken Sie sie mit der Schaltfläche ein (die Zeile aktualisiert sich an Ort und Stelle).
console-desk-nobody = Niemand passt zu dieser Suche.
console-organisation = Organisation
console-approve = Aufnehmen
console-no-requests = Noch keine Terminanfragen.
console-printouts-help = Jeder Ausdruck hat sein eigenes Drucklayout: Nutzen Sie auf der Seite den Druckbefehl Ihres Browsers.
console-print-agendas = Die Agenda jeder teilnehmenden Person drucken (eine pro Seite)
console-print-badges = Die Namensschilder drucken (acht pro A4-Seite)
console-round-tables-help = Gruppen von vier bis sechs Personen um gemeinsame Themen, Cluster gemischt, unter denen, die einen runden Tisch gewünscht haben.
console-no-round-tables = Noch hat niemand einen runden Tisch gewünscht.
console-round-table-shared = Gemeinsame Themen:
console-running = Die Planung läuft … bisher bestes Ergebnis: { $best } von { $accepted } Terminen eingeplant. Diese Seite lädt sich selbst neu.
console-running-what-if = Die Was-wäre-wenn-Rechnung läuft … bisher bestes Ergebnis: { $best } von { $accepted } Terminen eingeplant. Diese Seite lädt sich selbst neu.
console-result-none = Noch ist kein Termin angenommen: Es gibt nichts zu planen.
console-result-every = { $placed ->
        [one] Der angenommene Termin ist eingeplant.
       *[other] Alle { $placed_text } angenommenen Termine sind eingeplant.
    }
console-result-all = { $placed ->
        [one] Der einzige Termin, der stattfinden kann, ist eingeplant
       *[other] Alle { $placed_text } Termine, die stattfinden können, sind eingeplant
    }; { $left ->
        [one] einer kann es nicht werden, weil:
       *[other] { $left_text } können es nicht werden, weil:
    }
console-result-some = { $placed_text } von { $accepted_text } angenommenen Terminen sind eingeplant; eine längere Rechnung könnte mehr einplanen. { $left ->
        [one] Einer ist nicht eingeplant, weil:
       *[other] { $left_text } sind nicht eingeplant, weil:
    }
console-result-now = { $placed_text } von { $accepted_text } angenommenen Terminen sind eingeplant. { $left ->
        [one] Einer ist nicht eingeplant, weil:
       *[other] { $left_text } sind nicht eingeplant, weil:
    }
console-because-no-common-slot = { $count ->
        [one] ein Paar keinen Zeitslot hat, in dem beide verfügbar sind
       *[other] { $count_text } Paare keinen Zeitslot haben, in dem beide verfügbar sind
    }
console-because-sides-busy = { $count ->
        [one] in einem Paar die eine oder andere Seite in jedem gemeinsamen Zeitslot schon einen Termin hat
       *[other] in { $count_text } Paaren die eine oder andere Seite in jedem gemeinsamen Zeitslot schon einen Termin hat
    }
console-because-no-table = { $count ->
        [one] für ein Paar kein Tisch frei ist, wenn beide frei sind
       *[other] für { $count_text } Paare kein Tisch frei ist, wenn beide frei sind
    }
console-because-busy-or-no-table = { $count ->
        [one] für ein Paar jeder gemeinsame Zeitslot durch einen Termin einer Seite belegt ist oder keinen Tisch mehr hat
       *[other] für { $count_text } Paare jeder gemeinsame Zeitslot durch einen Termin einer Seite belegt ist oder keinen Tisch mehr hat
    }
console-because-duplicate = { $count ->
        [one] sich ein Paar schon in einem anderen Termin trifft
       *[other] sich { $count_text } Paare schon in einem anderen Termin treffen
    }
console-because-not-reached = { $count ->
        [one] einer durch eine neue Planung eingeplant würde
       *[other] { $count_text } durch eine neue Planung eingeplant würden
    }
console-why-no-common-slot = Sie haben keinen Zeitslot, in dem beide verfügbar sind.
console-why-sides-busy = { $count ->
        [one] In ihrem einzigen gemeinsamen Zeitslot hat eine der beiden Seiten schon einen Termin.
       *[other] In jedem ihrer { $count_text } gemeinsamen Zeitslots hat eine der beiden Seiten schon einen Termin.
    }
console-why-no-table = { $count ->
        [one] In ihrem einzigen gemeinsamen Zeitslot sind alle Tische belegt.
       *[other] In ihren { $count_text } gemeinsamen Zeitslots sind alle Tische belegt, sobald beide frei sind.
    }
console-why-busy-or-no-table = { $count ->
        [one] In ihrem einzigen gemeinsamen Zeitslot hat eine Seite einen Termin oder es ist kein Tisch mehr frei.
       *[other] In jedem ihrer { $count_text } gemeinsamen Zeitslots hat eine Seite einen Termin oder es ist kein Tisch mehr frei.
    }
console-why-duplicate = Die beiden treffen sich schon in einem anderen Termin.
console-why-not-reached = Ein Zeitslot und ein Tisch sind frei: Die letzte Rechnung endete, bevor sie ihn einplante.
console-fix-one-more-slot = Ein weiterer Zeitslot am Ende des Tages (ein späteres Ende) würde ihn einplanen.
console-fix-one-more-table = Ein weiterer Tisch um { $slot } würde ihn einplanen.
console-fix-availability = Er würde eingeplant, wenn { $who } um { $slot } verfügbar wäre.
console-fix-run-again = Eine neue Planung plant ihn ein.
console-fix-nothing = Nichts zu tun.
console-schedule-now = Planen und veröffentlichen
console-schedule-help = Plant jeden angenommenen Termin in einen Zeitslot und an einen Tisch ein und veröffentlicht den Plan in den Agenden der Teilnehmenden. Bereits eingeplante Termine bleiben nach Möglichkeit, wo sie sind.
console-what-if = Was wäre, wenn …
console-what-if-help = Probieren Sie mehr Tische oder ein späteres Ende aus, bevor Sie etwas ändern: Das Ergebnis wird mit dem aktuellen Plan verglichen, und nichts wird veröffentlicht.
console-what-if-tables = Zusätzliche Tische in jedem Zeitslot
console-what-if-slots = Zusätzliche Zeitslots am Ende des Tages
console-what-if-run = Ausprobieren
console-what-if-still = Weiterhin nicht eingeplant
console-change-tables = { $tables ->
        [one] einem weiteren Tisch in jedem Zeitslot
       *[other] { $tables } weiteren Tischen in jedem Zeitslot
    }
console-change-slots = { $slots ->
        [one] einem weiteren Zeitslot am Ende des Tages
       *[other] { $slots } weiteren Zeitslots am Ende des Tages
    }
console-change-both = { $tables } weiteren Tischen in jedem Zeitslot und { $slots } weiteren Zeitslots am Ende des Tages
console-what-if-result = Mit { $change }: { $placed_text } Termine eingeplant statt { $current_text } ({ $delta_text }); { $left ->
        [0] keiner bleibt außen vor.
        [one] einer bleibt weiterhin außen vor.
       *[other] { $left_text } bleiben weiterhin außen vor.
    } Nichts wurde veröffentlicht: Um es zu übernehmen, ändern Sie die Tische (Tische und Räume) oder das Programm und planen Sie dann.
flash-schedule-started = Die Planung hat begonnen.
flash-what-if-started = Die Was-wäre-wenn-Rechnung hat begonnen: Nichts wird veröffentlicht.
flash-participant-approved = Aufgenommen: Die Person ist jetzt angemeldet.
badges-title = Namensschilder
badges-help = { $count ->
        [one] Ein Namensschild, acht pro A4-Seite. Jeder QR-Code enthält den Check-in-Code seiner Trägerin oder seines Trägers: Scannen Sie ihn am Empfang.
       *[other] { $count_text } Namensschilder, acht pro A4-Seite. Jeder QR-Code enthält den Check-in-Code seiner Trägerin oder seines Trägers: Scannen Sie ihn am Empfang.
    }
badges-none = Noch ist niemand angemeldet.
badge-qr-label = Check-in-Code von { $name }
console-what-if-same = unverändert
console-fix-give-up-another = Nur wenn eine der beiden Seiten auf einen anderen Termin verzichtet, würde er eingeplant.

## Verwaltung: Filter, Seiten und Export des Prüfprotokolls

audit-lead-zone = Wer was geändert hat, neueste Einträge zuerst. Die Uhrzeiten gelten in der Zeitzone der Initiative ({ $zone }).
audit-filters = Prüfprotokoll filtern
audit-any = Alle
audit-from = Von (Tag)
audit-to = Bis (Tag)
audit-filter = Anzeigen
audit-clear = Filter zurücksetzen
audit-csv = Diese Einträge als CSV herunterladen
audit-none = Kein Eintrag des Protokolls entspricht diesen Filtern.
audit-older = Ältere Einträge

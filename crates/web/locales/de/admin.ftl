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

## Verwaltung: Rolle, Cluster und Organisation eines Kontos

flash-access-changed = Zugang geändert: Das Konto arbeitet ab seiner nächsten Seite mit der neuen Rolle.
users-access = Zugang ändern
users-access-label = Zugang von { $email } ändern
users-access-title = Zugang von { $email }
users-access-lead = Die Rolle legt fest, was das Konto darf; ein Clustermanager betreut die unten angekreuzten Cluster, ein Mitglied vertritt eine Organisation. Die Änderung gilt ab der nächsten Seite des Kontos und wird im Prüfprotokoll festgehalten.
users-access-clusters = Betreute Cluster (für einen Clustermanager)
users-access-save = Zugang speichern
users-access-back = Zurück zu den Konten
users-access-now = Derzeit: { $role }

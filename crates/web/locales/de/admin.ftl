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

## Die Daten einer Person: herunterladen, Konto löschen

privacy-title = Ihre Daten
privacy-lead = Laden Sie in einer einzigen JSON-Datei alles herunter, was die Plattform über Sie gespeichert hat: Ihr Konto, Ihre Einwilligungen, Sitzungen, gespeicherten Suchen, Kontaktdaten, Kontakt- und Terminanfragen, Termine, Rückmeldungen und Folgeschritte, die an Sie gesendeten E-Mails und die Einträge des Prüfprotokolls, die Sie nennen.
privacy-download = Meine Daten herunterladen (JSON)
privacy-delete-title = Mein Konto löschen
privacy-delete-lead = Ihr Konto und Ihre personenbezogenen Daten werden endgültig gelöscht: Ihre Kontaktdaten, Ihre Nachrichten, Ihr Zugang und die E-Mails an Ihre Adresse. Der Eintrag Ihrer Organisation bleibt erhalten, Ihre vergangenen Termine bleiben als die eines gelöschten Kontos Ihrer Organisation bestehen, und das Prüfprotokoll bewahrt die Vorgänge ohne Ihre Adresse.
privacy-delete-password = Ihr Passwort zur Bestätigung
privacy-delete = Mein Konto endgültig löschen
flash-account-deleted = Ihr Konto und Ihre personenbezogenen Daten sind gelöscht. Vielen Dank für Ihre Teilnahme.
flash-account-deleted-by-admin = Konto gelöscht: Seine personenbezogenen Daten sind entfernt; das Prüfprotokoll nennt es nur noch mit einer Nummer.
users-delete-title = Dieses Konto auf Wunsch der Person löschen
users-delete-lead = Löscht das Konto und seine personenbezogenen Daten endgültig, so wie es die Person selbst tun könnte; der Eintrag der Organisation bleibt erhalten, und das Prüfprotokoll bewahrt die Vorgänge ohne die Adresse.
users-delete-confirm = Geben Sie zur Bestätigung die E-Mail-Adresse des Kontos ein
users-delete = Konto löschen
privacy-consents = Ihre Einwilligungen
privacy-no-consents = Für dieses Konto ist keine Einwilligung erfasst.

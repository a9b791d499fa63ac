# Deutsch. Dieselben Schlüssel und Variablen wie en.ftl (geprüft von den Tests in web::i18n).
# Anrede: Sie. Begriffe, wie sie Cluster und EU-Forschungsförderung in Luxemburg verwenden
# („Mitglied“, „Clustermanager“, „Konsortium“).

## Jede Seite: Sprunglink, Navigation, Sprachwahl, Fußzeile

skip-to-content = Zum Inhalt springen
nav-label = Hauptnavigation
nav-directory = Verzeichnis
nav-find-partners = Partner finden
nav-consortium = Konsortium
nav-themes = Themen
nav-projects = Projekte
nav-events = Veranstaltungen
nav-api = API
nav-audit-log = Prüfprotokoll
nav-sign-in = Anmelden
nav-sign-up = Registrieren
nav-analytics = Auswertungen
nav-admin = Verwaltung
nav-accounts = Konten
nav-outbox = Postausgang
nav-your-organisation = Ihre Organisation
nav-join-requests = Beitrittsanfragen
nav-sign-out = Abmelden
nav-menu = Menü
nav-menu-label = Hauptmenü
role-admin = Administrator
role-manager = Clustermanager
role-member = Mitglied
role-participant = Teilnehmer
language-label = Sprache
language-switch = Sprache ändern
language-of-interface = Sprache der Oberfläche
language-save = Speichern
language-browser = Wie mein Browser es wünscht
footer-open-source = clusterbridge · Open-Source-Software (MIT OR Apache-2.0)
footer-api = JSON-API und ihre OpenAPI-Beschreibung
footer-data = Projekt- und Organisationsdaten: CORDIS – EU-Forschungsprojekte im 7. RP, in Horizont 2020 und Horizont Europa, © Europäische Union, lizenziert unter CC BY 4.0.
footer-demo = In der Demo sind die Clustermitgliedschaften abgeleitet und die Kontaktpersonen erfunden.

## Bestätigungen nach einem Formular

flash-signed-in = Sie sind angemeldet.
flash-signed-out = Sie sind abgemeldet.
flash-signed-out-everywhere = Überall abgemeldet: Alle Browser und alle API-Tokens dieses Kontos sind abgemeldet.
flash-password-changed = Passwort geändert. Alle anderen Browser und alle API-Tokens dieses Kontos sind abgemeldet.
flash-token-revoked = API-Token widerrufen.
flash-profile-saved = Profil gespeichert.
flash-organisation-created = Organisation angelegt.
flash-organisation-deleted = Organisation gelöscht.
flash-person-added = Person hinzugefügt.
flash-person-removed = Person entfernt.
flash-contact-sent = Kontaktanfrage gesendet.
flash-contact-accepted = Kontaktanfrage angenommen.
flash-contact-declined = Kontaktanfrage abgelehnt.
flash-invitation-accepted = Einladung angenommen.
flash-invitation-declined = Einladung abgelehnt.
flash-invitation-withdrawn = Einladung zurückgezogen.
flash-cluster-created = Cluster angelegt.
flash-cluster-saved = Cluster gespeichert.
flash-cluster-split = Cluster geteilt: Der neue Cluster ist angelegt.
flash-member-added = Mitglied hinzugefügt.
flash-membership-ended = Mitgliedschaft beendet.
flash-project-created = Projekt angelegt.
flash-project-saved = Projekt gespeichert.
flash-partner-saved = Partner gespeichert.
flash-partner-removed = Partner entfernt.
flash-search-saved = Suche gespeichert.
flash-search-saved-named = Suche „{ $name }“ gespeichert.
flash-search-deleted = Gespeicherte Suche gelöscht.
flash-search-seen = Gespeicherte Suche als gesehen markiert.
flash-event-created = Veranstaltung angelegt.
flash-registered = Sie sind für diese Veranstaltung angemeldet.
flash-round-table-joined = Sie nehmen am Runden Tisch teil.
flash-round-table-left = Sie haben den Runden Tisch verlassen.
flash-meeting-sent = Terminanfrage gesendet.
flash-meeting-accepted = Terminanfrage angenommen.
flash-meeting-declined = Terminanfrage abgelehnt.
flash-meeting-cancelled = Termin abgesagt.
flash-meeting-status-saved = Terminstatus gespeichert.
flash-feedback-saved = Rückmeldung gespeichert.
flash-round-tables-saved = Runde Tische gespeichert.
flash-check-in-saved = Ankunft erfasst.
flash-meeting-lock-saved = Termin gespeichert.
flash-participant-added = Teilnehmer hinzugefügt.
flash-language-saved = Sprache der Oberfläche gespeichert.
flash-meeting-withdrawn = Terminanfrage zurückgezogen.
flash-meeting-not-sent = Terminanfrage nicht gesendet.
flash-meeting-not-sent-because = Terminanfrage nicht gesendet: { $reason }.
flash-reset-link-sent = Falls ein Konto diese Adresse verwendet, ist ein Link zum Festlegen eines neuen Passworts unterwegs. Er gilt einmal, eine Stunde lang.
flash-password-reset = Neues Passwort gespeichert. Alle Sitzungen dieses Kontos sind beendet: Melden Sie sich mit dem neuen Passwort an.
flash-unsubscribed = Abgemeldet: An diese Adresse werden keine Nachrichten dieser Art mehr gesendet.
flash-test-mail-queued = Testnachricht in den Postausgang gelegt.
flash-sign-up-sent = Vielen Dank. Eine Nachricht zur Bestätigung der Adresse ist unterwegs; ihr Link gilt 24 Stunden.
flash-address-confirmed = Adresse bestätigt: Ihr Konto ist bereit. Teilen Sie uns nun mit, welche Organisation Sie vertreten.
flash-join-requested = Anfrage gesendet: Ein Clustermanager wird sie beantworten, und Sie erhalten eine Nachricht.
flash-join-approved = Anfrage angenommen; die Person erhält eine Nachricht.
flash-join-declined = Anfrage abgelehnt; die Person erhält eine Nachricht.
flash-user-invited = Einladung gesendet: Die Person legt ihr Passwort über den zugesandten Link fest.
flash-account-disabled = Konto deaktiviert: Seine Sitzungen und API-Tokens sind beendet.
flash-account-enabled = Konto wieder aktiviert.
flash-reset-sent = Ein Link zum Festlegen eines neuen Passworts wurde an das Konto gesendet.
flash-tokens-revoked = Alle API-Tokens des Kontos sind widerrufen.

## Startseite

home-title = Cluster
home-heading = Die Cluster auf einen Blick
home-lead = { $organisations ->
        [0] Keine Organisationen
        [one] Eine Organisation
       *[other] { $organisations_text } Organisationen
    }, { $projects ->
        [0] keine Projekte
        [one] ein Projekt
       *[other] { $projects_text } Projekte
    } und { $clusters ->
        [0] keine Cluster
        [one] ein Cluster
       *[other] { $clusters_text } Cluster
    }. Mitglieder finden Partner über Clustergrenzen hinweg, treffen sich beim Cluster Forum und starten gemeinsame Projekte.
home-demo-notice = Demodaten: Organisationen und Projekte sind echt (CORDIS, © Europäische Union, CC BY 4.0); die Clustermitgliedschaften wurden aus Projekttexten abgeleitet und sind als solche gekennzeichnet.
home-members = Mitglieder
home-projects = Projekte
home-meter-label = Mitglieder im Vergleich zum größten Cluster
home-empty = Noch keine Cluster. Ein Administrator der Agentur legt sie an.
home-empty-demo = Dieser Befehl lädt die Luxemburger Demo:
home-new-cluster = Neuer Cluster
home-new-organisation = Neue Organisation
cluster-status-active = aktiv
cluster-status-merged = fusioniert
cluster-status-split = geteilt
cluster-status-archived = archiviert

## Veranstaltungsliste

events-title = Veranstaltungen
events-lead = Das Cluster Forum und weitere Veranstaltungen, mit Einzelgesprächen zwischen Unternehmen, die für alle auf einmal geplant werden.
events-new = Neue Veranstaltung
events-none = Noch keine Veranstaltungen.
event-status-open = Anmeldung offen
event-status-completed = abgeschlossen

## Anmeldeseite

login-title = Anmelden
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-forgot = Passwort vergessen?
login-wrong = E-Mail-Adresse oder Passwort falsch.
login-disabled = Dieses Konto ist deaktiviert.
login-too-many = Zu viele Versuche: Bitte versuchen Sie es in { $seconds } Sekunden erneut.
login-demo-accounts = Demokonten:
login-demo-manager-clusters = Manager der Cluster Space und Materials & Manufacturing
login-demo-password = Passwort

## Fehlerseiten

error-title-400 = Ungültige Anfrage
error-title-401 = Anmeldung erforderlich
error-title-403 = Zugriff verweigert
error-title-404 = Seite nicht gefunden
error-title-405 = Methode nicht erlaubt
error-title-409 = Konflikt
error-title-413 = Inhalt zu groß
error-title-422 = Eingabe zu korrigieren
error-title-429 = Zu viele Anfragen
error-title-500 = Interner Fehler
error-title-503 = Dienst nicht verfügbar
error-sign-in-first = Bitte melden Sie sich an, um fortzufahren.
error-forbidden = Ihr Konto darf diese Aktion nicht ausführen.
error-internal = Auf unserer Seite ist ein Fehler aufgetreten. Er wurde protokolliert.
error-back-home = Zurück zu den Clustern
error-search-directory = Im Verzeichnis suchen

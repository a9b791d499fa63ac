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

## Verzeichnis

directory-title = Verzeichnis
directory-lead = Suchen Sie Organisationen nach Name, Ort, Kompetenz oder den Begriffen ihrer Projekte; grenzen Sie nach Cluster, Art und Land ein.
directory-search = Suchen
directory-search-placeholder = z. B. Satellit, Wasserstoff, Esch-sur-Alzette
directory-filters-label = Filter
directory-filters = Filter:
directory-remove-filter = diesen Filter entfernen
directory-cluster = Cluster
directory-kind = Art
directory-country = Land
directory-organisations = Organisationen
directory-organisation = Organisation
directory-clusters = Cluster
directory-projects = Projekte
directory-pages = Seiten
directory-previous = Zurück
directory-next = Weiter
directory-page-of = Seite { $page } von { $pages }
directory-count = { $total ->
        [one] { $total_text } Organisation.
       *[other] { $total_text } Organisationen.
    }
directory-count-matching = Für „{ $query }“ { $total ->
        [0] wurde keine Organisation gefunden.
        [one] wurde eine Organisation gefunden.
       *[other] wurden { $total_text } Organisationen gefunden.
    }
org-kind-company = Unternehmen
org-kind-research = Forschungseinrichtung
org-kind-university = Hochschule
org-kind-public = Öffentliche Einrichtung
org-kind-other = Sonstige

## Seite einer Organisation

org-sme = KMU
org-pic = PIC
org-edit = Profil bearbeiten
org-delete = Löschen
org-website = Website
org-offers = Angebot
org-needs = Bedarf
org-competences = Kompetenzen
org-languages = Sprachen
org-updated = Zuletzt aktualisiert
org-projects = Projekte
org-no-projects = Keine Projekte erfasst.
org-project = Projekt
org-project-role = Rolle
org-project-start = Beginn
org-memberships = Mitgliedschaften
org-no-memberships = Kein Mitglied eines Clusters.
org-membership-inferred = abgeleitet
org-membership-declared = angegeben
org-membership-ended = beendet am
org-invitations = Einladungen
org-invited = eingeladen am
org-accept = Annehmen
org-decline = Ablehnen
org-invitation-waiting = Einladung versandt; die Antwort der Organisation steht noch aus.
org-contacts = Kontakte
org-no-contacts = Keine Kontaktpersonen angegeben.
org-fictional = erfunden
org-email-colon = E-Mail:
org-phone-colon = Telefon:
org-hidden = verborgen ({ $rule })
org-visible-public = öffentlich
org-visible-members = nur für Mitglieder
org-visible-managers = nur für Clustermanager
org-visible-on-agreement = sichtbar nach angenommener Kontaktanfrage
org-ask-contact = Kontakt anfragen
org-ask-contact-placeholder = Worüber möchten Sie sprechen?
org-send-contact = Kontaktanfrage senden
org-remove-person = Entfernen
org-add-person = Kontaktperson hinzufügen
org-person-name = Name
org-person-role = Funktion
org-person-email = E-Mail-Adresse
org-person-email-visible = E-Mail-Adresse sichtbar für
org-person-phone = Telefon
org-person-phone-visible = Telefonnummer sichtbar für
org-add-person-submit = Person hinzufügen
org-choice-members = Mitglieder der Initiative
org-choice-public = Alle
org-choice-managers = Clustermanager
org-choice-on-agreement = Erst nach Annahme einer Anfrage
org-fits = Passende Cluster
org-no-fits = In ihren Projekten kommt kein Clusterthema vor.
org-fit = { $percent } % Übereinstimmung
org-fit-reason = { $backing_text } von { $total_text } Projekten { $backing ->
        [one] erwähnt
       *[other] erwähnen
    } { $words }
org-partners = Häufige Partner
org-partners-shared = gemeinsam
org-meet = Wen sie treffen sollte
org-meet-lead = Organisationen, deren Arbeit zu ihrer passt und mit denen sie noch nicht zusammengearbeitet hat, bevorzugt aus anderen Clustern.
org-meet-show = Anzeigen
org-meet-own-text = Mit eigenem Text suchen
org-track-record = Beteiligt an { $count ->
        [one] { $count_text } Projekt
       *[other] { $count_text } Projekten
    }{ $programmes }.
org-track-record-in = Beteiligt an { $count ->
        [one] { $count_text } Projekt
       *[other] { $count_text } Projekten
    }{ $programmes }, Projektbeginn { $year }.
org-track-record-between = Beteiligt an { $count ->
        [one] { $count_text } Projekt
       *[other] { $count_text } Projekten
    }{ $programmes }, Projektbeginn { $from }–{ $to }.
project-role-coordinator = Koordinator
project-role-participant = Teilnehmer
project-role-partner = Partner
project-role-associated-partner = assoziierter Partner
project-role-third-party = Dritter
project-role-international-partner = internationaler Partner

## Partnersuche

partners-title = Partner finden
partners-lead = Beschreiben Sie Ihren Bedarf oder fügen Sie einen Ausschreibungstext ein. Die Organisationen werden danach gereiht, worum es in ihren Projekten ging, mit wem sie zusammengearbeitet haben und wie aktuell das ist; jeder Vorschlag wird begründet.
partners-need = Bedarf oder Ausschreibungstext
partners-any-cluster = Alle Cluster
partners-any-kind = Alle Arten
partners-country-placeholder = Land, z. B. LU
partners-sme-any = KMU oder nicht
partners-sme-only = Nur KMU
partners-sme-none = Ohne KMU
partners-submit = Partner finden
partners-count = { $count ->
        [0] Keine Vorschläge
        [one] { $count_text } Vorschlag
       *[other] { $count_text } Vorschläge
    }
partners-save-name-label = Name der gespeicherten Suche
partners-save-name-placeholder = Benennen Sie diese Suche, um über neue oder geänderte Treffer benachrichtigt zu werden
partners-save = Suche speichern
partners-bridge = clusterübergreifend

## Seite eines Clusters

cluster-merged-into = Dieser Cluster ist jetzt Teil von
cluster-managed-by = Verwaltet von
cluster-edit = Cluster bearbeiten
cluster-split = Cluster teilen
cluster-members = Mitglieder
cluster-inferred-before = Als
cluster-inferred = abgeleitet
cluster-inferred-after = gekennzeichnete Mitgliedschaften wurden aus Projekttexten erschlossen (Demodaten), nicht von der Organisation angegeben.
cluster-declared = angegeben
cluster-membership = Mitgliedschaft
cluster-since = seit
cluster-end-membership = Beenden
cluster-add-label = Organisation (Name oder ID)
cluster-add-placeholder = Organisation, die Mitglied werden soll: Name oder ID
cluster-add = Mitglied hinzufügen
cluster-invite-placeholder = Einzuladende Organisation: Name oder ID
cluster-invite = Zum Beitritt einladen
cluster-invited = Eingeladen
cluster-invited-lead = Eine Organisation tritt bei, sobald ihr eigenes Konto (oder ein Administrator) annimmt; bis dahin verwalten Sie nichts von ihr.
cluster-invited-waiting = Einladung versandt, die Antwort der Organisation steht noch aus
cluster-withdraw-label = Einladung zurückziehen:
cluster-withdraw = Zurückziehen
cluster-programme = Programm
cluster-all-projects = { $count ->
        [one] Das einzige Projekt dieses Clusters
       *[other] Alle { $count_text } Projekte dieses Clusters
    }
cluster-bridges = Brücken zu anderen Clustern
cluster-bridges-lead = Cluster, deren Mitglieder gemeinsame Projekte mit den Mitgliedern dieses Clusters haben.
cluster-no-bridges = Noch keine gemeinsamen Projekte.
cluster-shared-projects = { $count ->
        [one] { $count_text } gemeinsames Projekt
       *[other] { $count_text } gemeinsame Projekte
    }
cluster-history = Verlauf

## Seite einer Veranstaltung

event-registered = { $count ->
        [one] { $count_text } Anmeldung
       *[other] { $count_text } Anmeldungen
    }
event-organise = Organisieren: Anfragen, Zeitplan, Tischplan
event-whom-to-meet = Wen treffen?
event-my-requests = Meine Anfragen
event-my-agenda = Mein Terminplan
event-my-availability = Meine Verfügbarkeit
event-register = Anmelden
event-my-meeting-requests = Meine Terminanfragen
event-requests-none = Noch keine:
event-find-whom = Finden Sie passende Gesprächspartner
event-requests-sent = { $count ->
        [one] { $count_text } gesendet
       *[other] { $count_text } gesendet
    }
event-requests-received = { $count ->
        [one] { $count_text } erhalten
       *[other] { $count_text } erhalten
    }
event-requests-waiting = { $count ->
        [one] { $count_text } wartet auf Ihre Antwort
       *[other] { $count_text } warten auf Ihre Antwort
    }
event-requests-accepted = { $count ->
        [one] { $count_text } angenommen
       *[other] { $count_text } angenommen
    }
event-see-requests = Ansehen und beantworten
event-participants = Teilnehmende
event-participants-more = { $count ->
        [one] und { $count_text } weitere Person
       *[other] und { $count_text } weitere
    }
event-search-participants = Teilnehmende durchsuchen: Wen möchten Sie treffen?
event-round-tables = Thematische Runde Tische
event-round-table-join = Ich möchte an einem Runden Tisch teilnehmen
event-no-round-tables = Noch keine Runden Tische gebildet.
event-round-table-also = auch
event-programme = Programm
event-slots = Gesprächszeitfenster
event-minutes = Min.
participant-status-registered = angemeldet
participant-status-waiting = Warteliste

## Wen treffen (die Teilnehmenden einer Veranstaltung) und meine Terminanfragen

participants-title = Wen treffen?
participants-lead = Die Teilnehmenden von { $event } und was ihre Organisationen anbieten und suchen.
participants-lead-registered = Fragen Sie mit einem Klick einen Termin an; eine kurze Nachricht erleichtert die Zusage.
participants-register-before = Melden Sie sich auf
participants-event-page = der Seite der Veranstaltung
participants-register-after = an, um Termine mit Teilnehmenden anzufragen.
participants-sign-in-link = Melden Sie sich an
participants-sign-in-after = und registrieren Sie sich für die Veranstaltung, um Termine mit Teilnehmenden anzufragen.
participants-search-placeholder = Name, Angebot, Bedarf …
participants-any-country = Alle Länder
participants-not-asked = Noch nicht angefragt
participants-show = Anzeigen
participants-count = { $count ->
        [one] { $shown_text } von { $count_text } Teilnehmenden.
       *[other] { $shown_text } von { $count_text } Teilnehmenden.
    }
participants-guest = Gast
participants-looks-for = Sucht
participants-message = Nachricht (optional)
participants-message-placeholder = Warum ein Treffen?
participants-request = Termin anfragen
participants-last-request = Letzte Anfrage
participants-request-word = Anfrage
participants-they-asked = Hat Sie angefragt
participants-see-requests = Meine Anfragen ansehen
participants-none = Keine Teilnehmenden entsprechen diesen Filtern.
request-state-sent = gesendet
request-state-received = erhalten
request-state-accepted = angenommen
request-state-declined = abgelehnt
request-state-expired = abgelaufen
request-state-withdrawn = zurückgezogen
requests-not-registered = Sie sind für { $event } nicht angemeldet: Melden Sie sich auf
requests-not-registered-after = { " " }an und finden Sie dann passende Gesprächspartner.
requests-find-whom = Gesprächspartner finden
requests-received = Erhalten
requests-none-received = Noch hat Sie niemand angefragt.
requests-sent = Gesendet
requests-undo = Anfrage zurückziehen
quote-open = „
quote-close = “

## Mein Terminplan

agenda-of = Terminplan von
agenda-calendar = Zu Ihrem Kalender hinzufügen (iCalendar)
agenda-calendar-after = – verschobene Termine werden dort automatisch aktualisiert.
agenda-none = Noch keine Termine:
agenda-no-slot = Noch kein Zeitfenster
agenda-meeting-with = Termin mit
agenda-table = Tisch
agenda-moment-unplaced = angenommen, wartet auf ein Zeitfenster
agenda-moment-upcoming = geplant
agenda-moment-now = läuft gerade
agenda-moment-over = Zeitfenster vorbei
agenda-moment-held = hat stattgefunden
agenda-moment-no-show = nicht erschienen
agenda-moment-cancelled = abgesagt
agenda-unplaced-note = Die Organisatoren planen angenommene Termine ein, wenn sie den Zeitplan der Veranstaltung erstellen.
agenda-how-was-it = Wie war es?
agenda-outcome-cooperation-possible = Zusammenarbeit möglich
agenda-outcome-informative = informativ
agenda-outcome-no-interest = kein Interesse
agenda-outcome-did-not-take-place = hat nicht stattgefunden
agenda-send-feedback = Rückmeldung senden
agenda-cancel-meeting = Termin absagen
session-kind-session = Sitzung
session-kind-keynote = Impulsvortrag
session-kind-testimonials = Erfahrungsberichte
session-kind-round-table = Runder Tisch
session-kind-meetings = Geschäftstermine
session-kind-networking = Networking

## Projektliste und Seite eines Projekts

projects-title = Projekte
projects-new = Neues Projekt
projects-search-label = Projekte durchsuchen
projects-search-placeholder = Begriffe aus Akronym, Titel oder Ausschreibungsthema
projects-status = Status
projects-count = { $count ->
        [one] { $count_text } Projekt.
       *[other] { $count_text } Projekte.
    }
project-kind-common = gemeinsam
project-kind-flagship = Leuchtturm
project-kind-eu-funded = EU-gefördert
project-kind-long-common = gemeinsames Projekt
project-kind-long-flagship = Leuchtturmprojekt
project-kind-long-eu-funded = EU-gefördertes Projekt
project-status-planned = geplant
project-status-running = laufend
project-status-completed = abgeschlossen
project-edit = Projekt bearbeiten
project-dates = Laufzeit
project-dates-between = { $from } bis { $to }
project-dates-from = ab { $from }
project-dates-until = bis { $to }
project-dates-unknown = unbekannt
project-budget = Budget
project-budget-eur = { $amount } €
project-topic = Ausschreibungsthema
project-summary = Zusammenfassung
project-partners = Partner
project-partner-id = ID der Organisation
project-partner-placeholder = ID der Organisation, die als Partner hinzukommt
project-add-partner = Partner hinzufügen

## Clusterübergreifende Themen und Empfehlungen für eine Organisation

themes-title = Clusterübergreifende Themen
themes-lead = Themen, an denen Mitglieder mehrerer Cluster arbeiten, mit den jeweiligen Mitgliedern je Cluster. Allgemeine Begriffe werden ausgelassen; ein Thema steht umso weiter oben, je spezifischer es ist und je mehr Mitglieder und Cluster es teilen. Jedes Thema ist ein guter Anlass, diese Mitglieder zusammenzubringen.
themes-none = Noch teilen keine zwei Cluster ein Thema.
themes-clusters = Cluster
themes-find = Partner finden zu
recs-title = Wen { $name } treffen sollte
recs-lead = Organisationen, deren Arbeit zu ihrer passt und mit denen sie noch nicht zusammengearbeitet hat; Organisationen außerhalb ihrer Cluster erhalten einen Bonus
recs-share = ({ $percent } % davon gehören zu anderen Clustern)
recs-none = Profil und Projekte enthalten noch nicht genug Text, um Partner vorzuschlagen.

## Konsortium zusammenstellen

consortium-title = Konsortium zusammenstellen
consortium-lead = Fügen Sie einen Ausschreibungstext ein und geben Sie an, welche Partner die Ausschreibung verlangt. Das Werkzeug schlägt ein Team vor, das sie abdeckt, zeigt, was noch fehlt, und lässt Sie jedes Mitglied austauschen.
consortium-call = Ausschreibungstext oder Projektidee
consortium-needed = Benötigte Partner nach Art
consortium-kind-university = Hochschulen
consortium-kind-research = Forschungseinrichtungen
consortium-kind-company = Unternehmen
consortium-kind-sme = KMU
consortium-kind-public = Öffentliche Einrichtungen
consortium-kind-other = Sonstige
consortium-kinds-help = Wie viele Partner jeder Art die Ausschreibung verlangt; leer lassen, wenn keine nötig sind.
consortium-min-countries = Mindestanzahl an Ländern
consortium-submit = Team vorschlagen
consortium-proposed = Vorgeschlagenes Team
consortium-countries = { $count ->
        [one] { $count_text } Land
       *[other] { $count_text } Länder
    }
consortium-covered = Alle geforderten Rollen und das Länderziel sind abgedeckt.
consortium-missing = Es fehlen noch:
consortium-why = Warum
consortium-swap = Austauschen
consortium-keep = Behalten
consortium-role-university = Hochschule
consortium-role-research = Forschungseinrichtung
consortium-role-company = Unternehmen
consortium-role-sme = KMU
consortium-role-public = öffentliche Einrichtung
consortium-role-other = sonstige

## Ausdruck des Tischplans

print-title = Tischplan
print-organise = Organisieren:
print-heading = Tischplan –
print-help = Drucken Sie diese Seite mit Ihrem Browser (Strg+P oder ⌘P): Jedes Zeitfenster wird auf einer eigenen Seite gedruckt, für den Empfang und den Saal.
print-tables = { $count ->
        [one] { $count_text } Tisch
       *[other] { $count_text } Tische
    }
print-no-meetings = Keine Termine in diesem Zeitfenster.
print-meetings-at = Termine um
print-table = Tisch
print-meeting = Termin
print-no-slots = Keine Zeitfenster für Termine.
meeting-status-scheduled = geplant
meeting-status-held = hat stattgefunden
meeting-status-no-show = nicht erschienen
meeting-status-cancelled = abgesagt

## Verfügbarkeit

availability-of = Verfügbarkeit von
availability-lead = Die Planung legt Termine nur in Zeitfenster, die als verfügbar markiert sind. Änderungen gelten ab der nächsten Planung; ein Termin, der bereits in einem Zeitfenster liegt, das Sie freigeben, wird dann verschoben.
availability-saved = { $available ->
        [one] Gespeichert: verfügbar in { $available_text } von { $count_text } Zeitfenstern.
       *[other] Gespeichert: verfügbar in { $available_text } von { $count_text } Zeitfenstern.
    }
availability-arrival = Ankunft zum Zeitfenster
availability-first-slot = erstes Zeitfenster
availability-departure = Abreise nach dem Zeitfenster
availability-last-slot = letztes Zeitfenster
availability-sessions = Terminblöcke, an denen ich teilnehme
availability-slots = Zeitfenster
availability-slot = Zeitfenster
availability-session = Block
availability-blocked = Gesperrt
availability-now = Aktuell
availability-blocked-at = Gesperrt um
availability-available = verfügbar
availability-not-available = nicht verfügbar
availability-save = Verfügbarkeit speichern

## Eine Veranstaltung organisieren

organise-lead = Organisatoren sehen alle Anfragen und Termine, nie aber die Nachrichten zwischen Teilnehmenden. Stattgefundene und fixierte Termine werden nie verschoben; eine Neuplanung verschiebt so wenige veröffentlichte Termine wie möglich.
organise-over = Diese Veranstaltung ist vorbei: Ihr Tischplan bleibt, wie er stattgefunden hat, und es wird nichts mehr geplant.
organise-schedule = Alle angenommenen Termine planen
organise-report = { $placed } von { $requests } Terminen platziert (Gewicht { $weight } von höchstens { $bound }: { $ratio } % des Möglichen). Größtes Defizit { $shortfall }, Pausen { $breaks }{ $minimal }, verschoben { $moved }.
organise-breaks-minimal = (so wenige wie möglich)
organise-moved-by = Verschobene Termine je Teilnehmer:
organise-feedback = Rückmeldungen nach den Terminen
organise-print = Tischplan drucken (ein Zeitfenster pro Seite)
organise-no-meetings = Keine Termine.
organise-on-the-day = Am Veranstaltungstag
organise-locked = fixiert
organise-status-of = Status des Termins an Tisch
organise-mark = Vermerken
organise-unlock = Lösen
organise-lock = Hier fixieren
organise-not-placed = Nicht platziert
organise-tables-per-slot = Tische je Zeitfenster
organise-tables-help = { $count ->
        [one] Leer: der { $count_text } Tisch der Veranstaltung. 0 schließt ein Zeitfenster für Termine.
       *[other] Leer: die { $count_text } Tische der Veranstaltung. 0 schließt ein Zeitfenster für Termine.
    }
organise-tables = Tische
organise-tables-at = Tische um
organise-save-tables = Tische speichern
organise-participant = Teilnehmer
organise-availability = Verfügbarkeit
organise-desk = Empfang
organise-ruled-out = { $count ->
        [0] alle Zeitfenster
        [one] { $count_text } Zeitfenster ausgeschlossen
       *[other] { $count_text } Zeitfenster ausgeschlossen
    }
organise-checked-in = eingecheckt
organise-undo = Rückgängig
organise-check-in = Einchecken
organise-add-participant = Teilnehmer hinzufügen
organise-add-help = Ein Gast von außerhalb der Cluster oder ein von den Organisatoren angemeldeter Vertreter. Lassen Sie die Organisation für einen Gast leer.
organise-participant-name = Name des Teilnehmers
organise-organisation-placeholder = Organisation: Name oder ID (optional)
organise-add-submit = Teilnehmer hinzufügen
organise-requests = Anfragen
organise-from = Von
organise-to = An
organise-priority = Priorität
request-state-pending = offen

## Formulare: Anlegen und Bearbeiten von Organisationen, Projekten, Clustern und Veranstaltungen

form-correct = Bitte korrigieren Sie die Felder unten.
form-save = Speichern
form-cancel = Abbrechen
form-edit-named = { $name } bearbeiten
form-edit-organisation = Organisation bearbeiten
field-name = Name
field-slug = Kurzname in Adressen
field-slug-help-cluster = Kleinbuchstaben, Ziffern und Bindestriche, z. B. space
field-slug-help-event = Kleinbuchstaben, Ziffern und Bindestriche, z. B. cluster-forum-2027
field-sector = Branche
field-description = Beschreibung
field-event-name-help = z. B. Luxembourg Cluster Forum 2027
field-starts-on = Erster Tag
field-venue = Veranstaltungsort
field-clusters = Cluster
field-clusters-help = Ihre Manager organisieren die Veranstaltung.
field-tables = Tische
field-tables-help = Gesprächstische je Zeitfenster (jedes Zeitfenster kann später weniger öffnen)
field-capacity = Kapazität
field-capacity-help = Weitere Anmeldungen kommen auf die Warteliste
field-request-ttl = Stunden, bis eine unbeantwortete Anfrage verfällt
field-empty-72 = Leer: 72
field-max-requests = Anfragen, die ein Teilnehmer senden darf
field-empty-20 = Leer: 20
field-max-meetings = Termine, die ein Teilnehmer annehmen darf
field-empty-no-cap = Leer: keine Obergrenze
field-agenda = Programm
field-agenda-help = Eine Sitzung pro Zeile: HH:MM-HH:MM Titel (Art), z. B. 09:00-09:45 Begrüßung und Impulsvortrag (keynote)
field-programme = Terminprogramm
field-programme-help = Ein Block von Zeitfenstern pro Zeile: [JJJJ-MM-TT] BLOCK HH:MM MINUTEN ANZAHL, z. B. afternoon 14:00 20 9
field-title = Titel
field-acronym = Akronym
field-kind = Art
field-summary = Zusammenfassung
field-start-date = Startdatum
field-end-date = Enddatum
field-date-help = JJJJ-MM-TT
field-budget = Budget (EUR)
field-programme-name = Förderprogramm
field-programme-name-help = z. B. Horizon Europe
field-topic = Ausschreibungsthema
field-project-clusters = Beteiligte Cluster
field-project-clusters-help = Kurznamen der Cluster, durch Semikolon getrennt, z. B. space; ict
field-external-grant = Externe ID (z. B. Fördernummer)
field-project-kind-common = Gemeinsames Projekt
field-project-kind-flagship = Leuchtturmprojekt
field-project-kind-eu-funded = EU-gefördertes Projekt
field-short-name = Kurzname
field-sme = KMU (nur Unternehmen)
field-not-stated = Keine Angabe
field-yes = Ja
field-no = Nein
field-country = Land
field-country-help = ISO-3166-Code, z. B. LU
field-city = Ort
field-website = Website
field-website-help = https://…
field-offers = Was Sie anbieten
field-needs = Was Sie suchen
field-tags = Kompetenzen
field-tags-help = Durch Semikolon getrennt, z. B. Verbundwerkstoffe; 3D-Druck
field-languages = Sprachen
field-languages-help = ISO-639-1-Codes, z. B. en; fr; de; lb
field-external-pic = Externe ID (z. B. EU-PIC)
cluster-split-of = Cluster teilen:
cluster-split-lead = Ein neuer Cluster wird angelegt; die Mitglieder, die Sie ankreuzen, wechseln dorthin (ihre Mitgliedschaft hier endet heute). Beide Verläufe vermerken es.
cluster-split-members = Mitglieder, die in den neuen Cluster wechseln
cluster-split-no-members = Dieser Cluster hat derzeit keine Mitglieder.
cluster-split-submit = Teilen

## Prüfprotokoll und API-Seite

audit-when = Wann
audit-who = Wer
audit-action = Aktion
audit-what = Was
audit-detail = Details
api-title = JSON-API
api-lead-json = Alles, was die Seiten zeigen, gibt es auch als JSON unter
api-lead-description = Die maschinenlesbare Beschreibung steht unter
api-write = Zum Lesen öffentlicher Daten ist kein Konto nötig. Zum Schreiben senden Sie
api-semicolon = ;
api-tokens = Tokens stellt ein Administrator aus mit
api-lists = Listen antworten mit
api-pages = Seiten zählen ab 1,
api-per-page = ist standardmäßig 20 und höchstens 100.
api-errors = Validierungsfehler antworten mit 422 und
api-parameters = Parameter:
api-body = Body:
api-answers = Antworten:

## Ihr Konto

account-title = Ihr Konto
account-clusters-managed = Cluster, die Sie verwalten
account-invitations = Einladungen in Cluster
account-invitations-lead = Die Manager eines Clusters haben Ihre Organisation eingeladen. Mit der Annahme wird sie Mitglied: Die Manager können dann ihr Profil bearbeiten und die als „Clustermanager“ markierten Kontaktdaten sehen.
account-accept-invitation = Einladung annehmen:
account-decline-invitation = Einladung ablehnen:
account-saved-searches = Gespeicherte Suchen
account-saved-searches-lead = Neue oder geänderte Organisationen, die zu einer gespeicherten Suche passen, erscheinen hier, bis Sie sie als gesehen markieren.
account-no-saved-searches = Noch keine: Speichern Sie eine über
account-nothing-new = nichts Neues
account-new-or-changed = { $count ->
        [one] { $count_text } neu oder geändert
       *[other] { $count_text } neu oder geändert
    }
account-run-search = erneut ausführen
account-mark-seen = Als gesehen markieren
account-contact-requests = Zu beantwortende Kontaktanfragen
account-contact-requests-lead = Wenn Sie eine Anfrage annehmen, sieht die anfragende Person die Kontaktdaten, die „nach Zustimmung“ freigegeben werden.
account-none = Keine.
account-asks-to-contact = möchte Kontakt aufnehmen mit
account-colon = :
contact-state-pending = offen
contact-state-accepted = angenommen
contact-state-declined = abgelehnt
account-tokens = API-Tokens
account-tokens-lead = Programme handeln mit diesen Tokens in Ihrem Namen. Jedes wird nur einmal bei seiner Erstellung angezeigt; widerrufen Sie Tokens, die Sie nicht mehr nutzen oder verloren haben könnten.
account-token-created = Erstellt
account-token-id = ID
account-revoke = Widerrufen
account-revoke-token = Token widerrufen:
account-current-password = Aktuelles Passwort
account-new-password = Neues Passwort
account-password-help = Mindestens 10 Zeichen und schwer zu erraten: Einige zusammenhanglose Wörter eignen sich gut. Eine Änderung meldet alle anderen Browser ab und beendet alle API-Tokens.
account-change-password = Passwort ändern
account-sign-out-everywhere = Überall abmelden
account-sign-out-everywhere-lead = Beendet alle Sitzungen dieses Kontos, auch in diesem Browser, und alle API-Tokens.

## Ländernamen (Europa und die häufigsten Partnerländer; die übrigen bleiben englisch)

country-at = Österreich
country-be = Belgien
country-bg = Bulgarien
country-hr = Kroatien
country-cy = Zypern
country-cz = Tschechien
country-dk = Dänemark
country-ee = Estland
country-fi = Finnland
country-fr = Frankreich
country-de = Deutschland
country-gr = Griechenland
country-hu = Ungarn
country-ie = Irland
country-it = Italien
country-lv = Lettland
country-lt = Litauen
country-lu = Luxemburg
country-mt = Malta
country-nl = Niederlande
country-pl = Polen
country-pt = Portugal
country-ro = Rumänien
country-sk = Slowakei
country-si = Slowenien
country-es = Spanien
country-se = Schweden
country-is = Island
country-li = Liechtenstein
country-no = Norwegen
country-ch = Schweiz
country-gb = Vereinigtes Königreich
country-tr = Türkei
country-il = Israel
country-ua = Ukraine
country-rs = Serbien
country-al = Albanien
country-ba = Bosnien und Herzegowina
country-me = Montenegro
country-mk = Nordmazedonien
country-md = Moldau
country-ge = Georgien
country-am = Armenien
country-tn = Tunesien
country-ma = Marokko
country-xk = Kosovo
country-fo = Färöer
country-us = Vereinigte Staaten
country-ca = Kanada
country-jp = Japan
country-cn = China
country-kr = Südkorea
country-in = Indien
country-br = Brasilien
country-au = Australien
country-za = Südafrika
country-nz = Neuseeland
country-sg = Singapur
country-ru = Russland
country-xx = Unbekanntes Land

## Registrierung: das Formular, der Bestätigungslink, Ihre Organisation

signup-lead = Legen Sie ein Konto an, bestätigen Sie Ihre Adresse und teilen Sie uns dann mit, welche Organisation Sie vertreten: Ein Clustermanager gibt sie frei.
signup-your-name = Ihr Name
signup-password-help = Mindestens 10 Zeichen, schwer zu erraten.
signup-accept-terms = Ich akzeptiere die Nutzungsbedingungen: Mein Name, meine Adresse und was ich schreibe, werden für den Betrieb dieses Dienstes gespeichert und so angezeigt, wie es meine Sichtbarkeitseinstellungen vorsehen.
signup-have-account = Sie haben bereits ein Konto?
signup-confirm-title = Bestätigen Sie Ihre Adresse
signup-confirm-lead = Ein Klick, und Ihr Konto ist bereit.
signup-confirm-submit = Meine Adresse bestätigen
signup-link-used = Dieser Link wurde bereits verwendet: Ihre Adresse ist bestätigt. Melden Sie sich an.
signup-link-expired = Dieser Link ist abgelaufen: Ein Link gilt 24 Stunden. Bitte registrieren Sie sich erneut.
signup-link-unknown = Dieser Link ist unbekannt. Prüfen Sie, ob er vollständig kopiert wurde, oder registrieren Sie sich erneut.
signup-org-your-requests = Ihre Anfragen
signup-org-lead = Bis ein Clustermanager zustimmt, sehen Sie, was alle sehen, und dazu Ihr eigenes Konto.
signup-org-claim = Eine bereits verzeichnete Organisation beanspruchen
signup-org-represent = Ich vertrete { $name }
signup-org-none-found = Kein Organisationsname enthält „{ $query }“.
signup-org-or-new = Oder fügen Sie eine neue Organisation hinzu
signup-org-country = Land (Code aus zwei Buchstaben)
signup-org-clusters = Beizutretende Cluster
signup-org-submit = Beitritt beantragen
join-state = Status
join-message = Nachricht
join-to-represent = (um sie zu vertreten)
join-state-pending = offen
join-state-approved = angenommen
join-state-declined = abgelehnt

## Passwort vergessen, neues Passwort und Abmeldung von Nachrichten

forgot-title = Passwort vergessen
forgot-lead = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Falls ein Konto sie verwendet, senden wir ihm einen Link zum Festlegen eines neuen Passworts; der Link gilt einmal, eine Stunde lang.
forgot-submit = Link zusenden
forgot-back = Zurück zur Anmeldung
reset-title = Neues Passwort festlegen
reset-lead = Mindestens 10 Zeichen, schwer zu erraten. Das Festlegen meldet dieses Konto überall ab.
reset-password-again = Neues Passwort wiederholen
reset-submit = Neues Passwort festlegen
reset-entries-differ = Passwortwiederholung: Die beiden Eingaben stimmen nicht überein
reset-refused-title = Link nicht verwendbar
reset-refused-heading = Dieser Link kann nicht verwendet werden
reset-ask-new-link = Einen neuen Link anfordern
reset-link-used = Dieser Link wurde bereits verwendet. Jeder Link legt ein Passwort nur einmal fest: Fordern Sie unten einen neuen an.
reset-link-expired = Dieser Link ist abgelaufen: Ein Link gilt eine Stunde. Fordern Sie unten einen neuen an.
reset-link-unknown = Dieser Link ist unbekannt. Prüfen Sie, ob er vollständig kopiert wurde, oder fordern Sie unten einen neuen an.
unsubscribe-title = Abbestellen
unsubscribe-lead = Diese Art von Nachrichten an diese Adresse nicht mehr erhalten? Nachrichten zur Sicherheit Ihres Kontos (Zurücksetzen des Passworts, Bestätigung der Adresse) werden weiterhin gesendet.

## Beitrittsanfragen (Clustermanager und Administratoren)

join-lead = Personen, die sich registriert haben und eine Organisation in Ihren Clustern vertreten möchten. Ihre Antwort und deren Nachricht werden ihnen per E-Mail zugesandt.
join-asks-claim = { $email } möchte { $organisation } vertreten (seit { $since }).
join-asks-new = { $email } beantragt, dass die neue Organisation { $organisation } { $cluster } beitritt (seit { $since }).
join-message-to = Nachricht an { $name }
join-approve = Annehmen
join-none = Keine Anfrage wartet auf Sie.

## Konten (Administratoren)

users-invite-title = Jemanden einladen
users-role = Rolle
users-invite-member = Mitglied (vertritt eine Organisation)
users-invite-manager = Clustermanager
users-invite-participant = Veranstaltungsteilnehmer
users-invite-admin = Administrator
users-invite-cluster = Cluster (für einen Manager)
users-invite-organisation = Organisation, nach Name oder ID (für ein Mitglied)
users-invite = Einladen
users-every-account = Alle Konten
users-email-contains = E-Mail-Adresse enthält
users-since = Seit
users-actions = Aktionen
users-disabled = (deaktiviert)
users-enable = Aktivieren
users-disable = Deaktivieren
users-disable-label = { $email } deaktivieren
users-revoke-tokens = API-Tokens widerrufen
users-revoke-label = Die API-Tokens von { $email } widerrufen
users-send-reset = Zurücksetzung senden
users-role-admin = Administrator
users-role-manager = Clustermanager
users-role-member = Mitglied
users-role-participant = Teilnehmer

## Postausgang (Administratoren)

outbox-lead = Alle Nachrichten, die die Anwendung verfasst hat, neueste zuerst: { $waiting_text } wartend, { $sent_text } { $sent ->
       *[other] gesendet
    }.
outbox-no-smtp-before = Ohne SMTP-Server
outbox-no-smtp-after = warten die Nachrichten hier.
outbox-recipient = Empfänger
outbox-filter = Filtern
outbox-test-to = Testnachricht senden an
outbox-send = Senden
outbox-written = Verfasst
outbox-to = An
outbox-subject = Betreff
outbox-security-mail = Sicherheitsnachricht
outbox-no-mail = Keine Nachrichten.
outbox-state-sent = gesendet { $when }
outbox-state-waiting = wartend
outbox-state-retrying = { $count ->
        [one] wartend: { $count_text } Versuch, nächster { $next }
       *[other] wartend: { $count_text } Versuche, nächster { $next }
    }

## Auswertung der Zusammenarbeit

analytics-heading-initiative = Auswertung der Zusammenarbeit: die Initiative
analytics-heading-cluster = Auswertung der Zusammenarbeit: { $cluster }
analytics-lead-before = Berechnet aus den eigenen Daten des Verzeichnisses; jede Kennzahl ist in der Projektdatei
analytics-lead-after = { " " }definiert. Wo Mitgliedschaften abgeleitet sind (wie in der Demo), spiegeln die Zahlen je Cluster teilweise die Regel wider, aus der sie abgeleitet wurden.
analytics-period = Zeitraum
analytics-from = Von
analytics-to = bis
analytics-show = Anzeigen
analytics-csv = Zahlen als CSV:
analytics-kpis = Kennzahlen der Strategie
analytics-kpi = Kennzahl
analytics-initiative-per-year = Die Initiative, pro Jahr
analytics-cluster-per-year = { $cluster }, pro Jahr
analytics-clusters-compared = Cluster im Vergleich, { $year }
analytics-matrix = Zusammenarbeit zwischen Clustern
analytics-heat-title = Gemeinsame Projekte und stattgefundene Treffen zwischen Clustern
analytics-heat-desc = Jedes Feld ist ein Clusterpaar; die Zahl gibt ihre gemeinsamen Projekte und stattgefundenen Treffen im Zeitraum { $from }–{ $to } an, je dunkler, desto mehr (höchstens: { $max }). Die Tabelle unten enthält alle Zahlen.
analytics-pairs-caption = Clusterpaare im Zeitraum (Veränderung gegenüber dem vorherigen Zeitraum)
analytics-joint-projects = Gemeinsame Projekte
analytics-held-meetings = Stattgefundene Treffen
analytics-shared-members = Gemeinsame Mitglieder
analytics-the-initiative = die Initiative
analytics-outside-partners = externe Partner ({ $partners })
analytics-bridges = Brückenorganisationen
analytics-bridges-lead = Zwischenzentralität im Graphen der Mitglieder (Projekte und stattgefundene Treffen, die Sie sehen dürfen), mit der wichtigsten Vermittlerrolle zwischen Clustern.
analytics-betweenness = Zwischenzentralität
analytics-isolated = Isolierte Mitglieder
analytics-isolated-lead = Kein Projekt und kein stattgefundenes Treffen mit einem anderen Cluster in den letzten drei Jahren; für die ersten die Vorschläge der Partnervermittlung.
analytics-member = Mitglied
analytics-last-across = Zuletzt clusterübergreifend
analytics-suggested = Vorgeschlagene Partner
analytics-never = nie
analytics-communities = Gemeinschaften
analytics-communities-lead = Leiden-Gemeinschaften des Kooperationsgraphen (gemeinsame Projekte, Auflösung 1), Modularität { $modularity }: wo die tatsächliche Zusammenarbeit quer zu den Clustern verläuft.
analytics-community = Gemeinschaft
analytics-members-per-cluster = Mitglieder je Cluster
analytics-non-members = Nichtmitglieder
analytics-most-connected = Am stärksten vernetzt
analytics-funnel = Vom Treffen zum Projekt
analytics-event-or-cluster = Veranstaltung oder Cluster
analytics-event = Veranstaltung { $event }
analytics-requested = Angefragt
analytics-accepted = Angenommen
analytics-held = Stattgefunden
analytics-cooperation-possible = Zusammenarbeit möglich
analytics-follow-up = Weiterverfolgung
analytics-joint-project = Gemeinsames Projekt
analytics-median-days = Median der Tage bis zum Projekt
analytics-whole-for-admins = Die Zahlen der gesamten Initiative sind Administratoren vorbehalten.

## Auswertung der Zusammenarbeit: Handlungsfelder und Kennzahlen der Strategie

analytics-field-business-development = Geschäftsentwicklung
analytics-field-internationalisation = Internationalisierung
analytics-field-flagship-projects = Leuchtturmprojekte
analytics-field-branding = Markenbildung
analytics-field-prospection-promotion = Akquise und Förderung
analytics-kpi-members = Mitglieder
analytics-kpi-new-members = Neue Mitglieder
analytics-kpi-active-members = Aktive Mitglieder
analytics-kpi-meetings-held-per-member = Stattgefundene Treffen je Mitglied
analytics-kpi-meeting-requests-sent = Gesendete Terminanfragen
analytics-kpi-meeting-requests-accepted = Angenommene Terminanfragen
analytics-kpi-projects-started = Gestartete Projekte
analytics-kpi-foreign-partner-project-share = Anteil der Projekte mit ausländischen Partnern
analytics-kpi-partner-countries = Partnerländer
analytics-kpi-cross-border-meetings = Grenzüberschreitende Treffen
analytics-kpi-flagship-projects-started = Gestartete Leuchtturmprojekte
analytics-kpi-common-projects-started = Gestartete gemeinsame Projekte
analytics-kpi-flagship-common-budget-eur = Budget der Leuchtturm- und gemeinsamen Projekte (EUR)
analytics-kpi-multi-cluster-share = Anteil clusterübergreifender Projekte
analytics-kpi-profile-completeness = Vollständigkeit der Profile
analytics-kpi-profiles-fresh-share = Anteil aktueller Profile
analytics-kpi-events = Veranstaltungen
analytics-kpi-participants = Teilnehmende
analytics-kpi-guests = Gäste
analytics-kpi-guests-became-members = Gäste, die Mitglied wurden
analytics-kpi-meetings-per-participant = Treffen je Teilnehmer

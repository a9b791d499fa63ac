# Français. Mêmes clés et mêmes variables que en.ftl (vérifié par les tests de web::i18n).
# Registre : vouvoiement, vocabulaire des clusters et de la recherche européenne tel qu'on
# l'emploie au Luxembourg (« membre », « gestionnaire de cluster », « consortium »).

## Toutes les pages : lien d'évitement, navigation, choix de la langue, pied de page

skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-directory = Annuaire
nav-find-partners = Trouver des partenaires
nav-consortium = Consortium
nav-themes = Thématiques
nav-projects = Projets
nav-events = Événements
nav-api = API
nav-audit-log = Journal d’audit
nav-sign-in = Se connecter
nav-sign-up = Créer un compte
nav-analytics = Analyses
nav-admin = Administration
nav-accounts = Comptes
nav-outbox = File d’envoi
nav-your-organisation = Votre organisation
nav-join-requests = Demandes d’adhésion
nav-sign-out = Se déconnecter
nav-menu = Menu
nav-menu-label = Menu principal
role-admin = administrateur
role-manager = gestionnaire de cluster
role-member = membre
role-participant = participant
language-label = Langue
language-switch = Changer de langue
language-of-interface = Langue de l’interface
language-save = Enregistrer
language-browser = Selon mon navigateur
footer-open-source = clusterbridge · logiciel libre (MIT OR Apache-2.0)
footer-api = API JSON et sa description OpenAPI
footer-data = Données des projets et des organisations : CORDIS – projets de recherche de l’UE au titre du 7e PC, d’Horizon 2020 et d’Horizon Europe, © Union européenne, sous licence CC BY 4.0.
footer-demo = Dans la démonstration, les adhésions aux clusters sont déduites et les personnes de contact sont fictives.

## Confirmations après un formulaire

flash-signed-in = Vous êtes connecté.
flash-signed-out = Vous êtes déconnecté.
flash-signed-out-everywhere = Déconnexion partout : tous les navigateurs et tous les jetons d’API de ce compte sont déconnectés.
flash-password-changed = Mot de passe modifié. Tous les autres navigateurs et tous les jetons d’API de ce compte sont déconnectés.
flash-token-revoked = Jeton d’API révoqué.
flash-profile-saved = Profil enregistré.
flash-organisation-created = Organisation créée.
flash-organisation-deleted = Organisation supprimée.
flash-person-added = Personne ajoutée.
flash-person-removed = Personne retirée.
flash-contact-sent = Demande de contact envoyée.
flash-contact-accepted = Demande de contact acceptée.
flash-contact-declined = Demande de contact refusée.
flash-invitation-accepted = Invitation acceptée.
flash-invitation-declined = Invitation refusée.
flash-invitation-withdrawn = Invitation retirée.
flash-cluster-created = Cluster créé.
flash-cluster-saved = Cluster enregistré.
flash-cluster-split = Cluster scindé : le nouveau cluster est créé.
flash-member-added = Membre ajouté.
flash-membership-ended = Adhésion terminée.
flash-project-created = Projet créé.
flash-project-saved = Projet enregistré.
flash-partner-saved = Partenaire enregistré.
flash-partner-removed = Partenaire retiré.
flash-search-saved = Recherche enregistrée.
flash-search-saved-named = Recherche « { $name } » enregistrée.
flash-search-deleted = Recherche enregistrée supprimée.
flash-search-seen = Recherche enregistrée marquée comme consultée.
flash-event-created = Événement créé.
flash-registered = Vous êtes inscrit à cet événement.
flash-round-table-joined = Vous avez rejoint la table ronde.
flash-round-table-left = Vous avez quitté la table ronde.
flash-meeting-sent = Demande de rendez-vous envoyée.
flash-meeting-accepted = Demande de rendez-vous acceptée.
flash-meeting-declined = Demande de rendez-vous refusée.
flash-meeting-cancelled = Rendez-vous annulé.
flash-meeting-status-saved = Statut du rendez-vous enregistré.
flash-feedback-saved = Avis enregistré.
flash-round-tables-saved = Tables rondes enregistrées.
flash-check-in-saved = Arrivée enregistrée.
flash-meeting-lock-saved = Rendez-vous enregistré.
flash-participant-added = Participant ajouté.
flash-language-saved = Langue de l’interface enregistrée.
flash-meeting-withdrawn = Demande de rendez-vous retirée.
flash-meeting-not-sent = Demande de rendez-vous non envoyée.
flash-meeting-not-sent-because = Demande de rendez-vous non envoyée : { $reason }.
flash-reset-link-sent = Si un compte utilise cette adresse, un lien pour définir un nouveau mot de passe lui a été envoyé. Il n’est valable qu’une fois, pendant une heure.
flash-password-reset = Nouveau mot de passe enregistré. Toutes les sessions de ce compte ont pris fin : connectez-vous avec le nouveau mot de passe.
flash-unsubscribed = Désabonnement effectué : plus aucun message de ce type ne sera envoyé à cette adresse.
flash-test-mail-queued = Message de test déposé dans la file d’envoi.
flash-sign-up-sent = Merci. Un message de confirmation de l’adresse vous a été envoyé ; son lien est valable 24 heures.
flash-address-confirmed = Adresse confirmée : votre compte est prêt. Indiquez-nous maintenant l’organisation que vous représentez.
flash-join-requested = Demande envoyée : un gestionnaire de cluster y répondra et vous recevrez un message.
flash-join-approved = Demande acceptée ; la personne en est informée par e-mail.
flash-join-declined = Demande refusée ; la personne en est informée par e-mail.
flash-user-invited = Invitation envoyée : la personne définit son mot de passe grâce au lien reçu par e-mail.
flash-account-disabled = Compte désactivé : ses sessions et ses jetons d’API ont pris fin.
flash-account-enabled = Compte réactivé.
flash-reset-sent = Un lien pour définir un nouveau mot de passe a été envoyé au compte.
flash-tokens-revoked = Tous les jetons d’API du compte sont révoqués.

## Page d’accueil

home-title = Clusters
home-heading = Les clusters en un coup d’œil
home-lead = { $organisations ->
        [0] Aucune organisation
        [one] Une organisation
       *[other] { $organisations_text } organisations
    }, { $projects ->
        [0] aucun projet
        [one] un projet
       *[other] { $projects_text } projets
    } et { $clusters ->
        [0] aucun cluster
        [one] un cluster
       *[other] { $clusters_text } clusters
    }. Les membres trouvent des partenaires d’un cluster à l’autre, se rencontrent au Cluster Forum et lancent des projets ensemble.
home-demo-notice = Données de démonstration : les organisations et les projets sont réels (CORDIS, © Union européenne, CC BY 4.0) ; les adhésions aux clusters ont été déduites des textes des projets et sont signalées comme telles.
home-members = membres
home-projects = projets
home-meter-label = membres par rapport au plus grand cluster
home-empty = Aucun cluster pour l’instant. Un administrateur de l’agence les crée.
home-empty-demo = Cette commande charge la démonstration luxembourgeoise :
home-new-cluster = Nouveau cluster
home-new-organisation = Nouvelle organisation
cluster-status-active = actif
cluster-status-merged = fusionné
cluster-status-split = scindé
cluster-status-archived = archivé

## Liste des événements

events-title = Événements
events-lead = Le Cluster Forum et d’autres événements, avec des rendez-vous d’affaires en tête-à-tête planifiés pour tous à la fois.
events-new = Nouvel événement
events-none = Aucun événement pour l’instant.
event-status-open = inscriptions ouvertes
event-status-completed = terminé

## Page de connexion

login-title = Se connecter
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-wrong = Adresse e-mail ou mot de passe incorrect.
login-disabled = Ce compte est désactivé.
login-too-many = Trop de tentatives : réessayez dans { $seconds } secondes.
login-demo-accounts = Comptes de démonstration :
login-demo-manager-clusters = gestionnaire des clusters Space et Materials & Manufacturing
login-demo-password = mot de passe

## Pages d’erreur

error-title-400 = Requête incorrecte
error-title-401 = Connexion requise
error-title-403 = Accès refusé
error-title-404 = Page introuvable
error-title-405 = Méthode non autorisée
error-title-409 = Conflit
error-title-413 = Contenu trop volumineux
error-title-422 = Saisie à corriger
error-title-429 = Trop de requêtes
error-title-500 = Erreur interne
error-title-503 = Service indisponible
error-sign-in-first = Veuillez vous connecter pour continuer.
error-forbidden = Votre compte ne permet pas cette action.
error-internal = Un problème est survenu de notre côté. Il a été consigné.
error-back-home = Retour aux clusters
error-search-directory = Chercher dans l’annuaire

## Annuaire

directory-title = Annuaire
directory-lead = Cherchez des organisations par nom, ville, compétence ou d’après les mots de leurs projets ; affinez par cluster, type et pays.
directory-search = Rechercher
directory-search-placeholder = p. ex. satellite, hydrogène, Esch-sur-Alzette
directory-filters-label = Filtres
directory-filters = Filtres :
directory-remove-filter = retirer ce filtre
directory-cluster = Cluster
directory-kind = Type
directory-country = Pays
directory-organisations = Organisations
directory-organisation = Organisation
directory-clusters = Clusters
directory-projects = Projets
directory-pages = Pages
directory-previous = Précédente
directory-next = Suivante
directory-page-of = Page { $page } sur { $pages }
directory-count = { $total ->
        [one] { $total_text } organisation.
       *[other] { $total_text } organisations.
    }
directory-count-matching = { $total ->
        [0] Aucune organisation ne correspond à « { $query } ».
        [one] Une organisation correspond à « { $query } ».
       *[other] { $total_text } organisations correspondent à « { $query } ».
    }
org-kind-company = Entreprise
org-kind-research = Organisme de recherche
org-kind-university = Université
org-kind-public = Organisme public
org-kind-other = Autre

## Page d’une organisation

org-sme = PME
org-pic = PIC
org-edit = Modifier le profil
org-delete = Supprimer
org-website = Site web
org-offers = Ce qu’elle propose
org-needs = Ce qu’elle recherche
org-competences = Compétences
org-languages = Langues
org-updated = Dernière mise à jour
org-projects = Projets
org-no-projects = Aucun projet enregistré.
org-project = Projet
org-project-role = Rôle
org-project-start = Début
org-memberships = Adhésions
org-no-memberships = Membre d’aucun cluster.
org-membership-inferred = déduite
org-membership-declared = déclarée
org-membership-ended = terminée le
org-invitations = Invitations
org-invited = invitée le
org-accept = Accepter
org-decline = Refuser
org-invitation-waiting = Invitation envoyée, en attente de la réponse de l’organisation.
org-contacts = Contacts
org-no-contacts = Aucune personne de contact indiquée.
org-fictional = fictive
org-email-colon = E-mail :
org-phone-colon = Téléphone :
org-hidden = masqué ({ $rule })
org-visible-public = public
org-visible-members = réservé aux membres
org-visible-managers = réservé aux gestionnaires de cluster
org-visible-on-agreement = communiqué après une demande de contact acceptée
org-ask-contact = Demander un contact
org-ask-contact-placeholder = Pourquoi souhaitez-vous échanger ?
org-send-contact = Envoyer la demande de contact
org-remove-person = Retirer
org-add-person = Ajouter une personne de contact
org-person-name = Nom
org-person-role = Fonction
org-person-email = Adresse e-mail
org-person-email-visible = Adresse e-mail visible par
org-person-phone = Téléphone
org-person-phone-visible = Téléphone visible par
org-add-person-submit = Ajouter la personne
org-choice-members = Les membres de l’initiative
org-choice-public = Tout le monde
org-choice-managers = Les gestionnaires de cluster
org-choice-on-agreement = Seulement après acceptation d’une demande
org-fits = Clusters qui lui correspondent
org-no-fits = Aucune thématique de cluster n’apparaît dans ses projets.
org-fit = { $percent } % d’adéquation
org-fit-reason = { $backing_text } { $backing ->
        [one] projet
       *[other] projets
    } sur { $total_text } { $backing ->
        [one] mentionne
       *[other] mentionnent
    } { $words }
org-partners = Partenaires fréquents
org-partners-shared = en commun
org-meet = Qui rencontrer
org-meet-lead = Des organisations dont les activités rejoignent les siennes, avec lesquelles elle n’a pas encore travaillé, de préférence dans d’autres clusters.
org-meet-show = Les afficher
org-meet-own-text = Chercher avec votre propre texte
org-track-record = A participé à { $count ->
        [one] { $count_text } projet
       *[other] { $count_text } projets
    }{ $programmes }.
org-track-record-in = A participé à { $count ->
        [one] { $count_text } projet
       *[other] { $count_text } projets
    }{ $programmes }, { $count ->
        [one] commencé
       *[other] commencés
    } en { $year }.
org-track-record-between = A participé à { $count ->
        [one] { $count_text } projet
       *[other] { $count_text } projets
    }{ $programmes }, commencés entre { $from } et { $to }.
project-role-coordinator = coordinateur
project-role-participant = participant
project-role-partner = partenaire
project-role-associated-partner = partenaire associé
project-role-third-party = tiers
project-role-international-partner = partenaire international

## Trouver des partenaires

partners-title = Trouver des partenaires
partners-lead = Décrivez votre besoin ou collez le texte d’un appel à projets. Les organisations sont classées selon le sujet de leurs projets, leurs partenaires et l’actualité de leurs travaux ; chaque suggestion est motivée.
partners-need = Besoin ou texte de l’appel
partners-any-cluster = Tous les clusters
partners-any-kind = Tous les types
partners-country-placeholder = Pays, p. ex. LU
partners-sme-any = PME ou non
partners-sme-only = PME uniquement
partners-sme-none = Hors PME
partners-submit = Trouver des partenaires
partners-count = { $count ->
        [0] Aucune suggestion
        [one] { $count_text } suggestion
       *[other] { $count_text } suggestions
    }
partners-save-name-label = Nom de la recherche enregistrée
partners-save-name-placeholder = Nommez cette recherche pour être averti des nouveaux résultats et de leurs changements
partners-save = Enregistrer la recherche
partners-bridge = passerelle

## Page d’un cluster

cluster-merged-into = Ce cluster a été fusionné dans
cluster-managed-by = Géré par
cluster-edit = Modifier le cluster
cluster-split = Scinder le cluster
cluster-members = Membres
cluster-inferred-before = Les adhésions marquées
cluster-inferred = déduite
cluster-inferred-after = ont été déduites des textes des projets (données de démonstration) ; elles n’ont pas été déclarées par l’organisation.
cluster-declared = déclarée
cluster-membership = Adhésion
cluster-since = depuis le
cluster-end-membership = Mettre fin
cluster-add-label = Organisation (nom ou identifiant)
cluster-add-placeholder = Organisation à ajouter comme membre : son nom ou son identifiant
cluster-add = Ajouter le membre
cluster-invite-placeholder = Organisation à inviter : son nom ou son identifiant
cluster-invite = Inviter à rejoindre le cluster
cluster-invited = Invitées
cluster-invited-lead = Une organisation devient membre lorsque son propre compte (ou un administrateur) accepte ; d’ici là, vous ne gérez rien de ce qui la concerne.
cluster-invited-waiting = invitation envoyée, en attente de la réponse de l’organisation
cluster-withdraw-label = Retirer l’invitation de
cluster-withdraw = Retirer
cluster-programme = Programme
cluster-all-projects = { $count ->
        [one] Le seul projet de ce cluster
       *[other] Les { $count_text } projets de ce cluster
    }
cluster-bridges = Passerelles vers d’autres clusters
cluster-bridges-lead = Les clusters dont les membres partagent des projets avec les membres de ce cluster.
cluster-no-bridges = Aucun projet commun pour l’instant.
cluster-shared-projects = { $count ->
        [one] { $count_text } projet commun
       *[other] { $count_text } projets communs
    }
cluster-history = Historique

## Page d’un événement

event-registered = { $count ->
        [one] { $count_text } inscrit
       *[other] { $count_text } inscrits
    }
event-organise = Organiser : demandes, planning, plan de table
event-whom-to-meet = Qui rencontrer
event-my-requests = Mes demandes
event-my-agenda = Mon agenda
event-my-availability = Mes disponibilités
event-register = S’inscrire
event-my-meeting-requests = Mes demandes de rendez-vous
event-requests-none = Aucune pour l’instant :
event-find-whom = trouvez qui rencontrer
event-requests-sent = { $count ->
        [one] { $count_text } envoyée
       *[other] { $count_text } envoyées
    }
event-requests-received = { $count ->
        [one] { $count_text } reçue
       *[other] { $count_text } reçues
    }
event-requests-waiting = { $count ->
        [one] { $count_text } en attente de votre réponse
       *[other] { $count_text } en attente de votre réponse
    }
event-requests-accepted = { $count ->
        [one] { $count_text } acceptée
       *[other] { $count_text } acceptées
    }
event-see-requests = Les consulter et y répondre
event-participants = Participants
event-participants-more = { $count ->
        [one] et { $count_text } autre
       *[other] et { $count_text } autres
    }
event-search-participants = Chercher parmi les participants : qui rencontrer
event-round-tables = Tables rondes thématiques
event-round-table-join = Je souhaite participer à une table ronde
event-no-round-tables = Aucune table ronde constituée pour l’instant.
event-round-table-also = aussi
event-programme = Programme
event-slots = Créneaux de rendez-vous
event-minutes = min
participant-status-registered = inscrit
participant-status-waiting = liste d’attente

## Qui rencontrer (les participants d’un événement) et mes demandes de rendez-vous

participants-title = Qui rencontrer
participants-lead = Les participants de { $event }, avec ce que leurs organisations proposent et recherchent.
participants-lead-registered = Demandez un rendez-vous en un clic ; un court message les aide à accepter.
participants-register-before = Inscrivez-vous sur
participants-event-page = la page de l’événement
participants-register-after = pour demander des rendez-vous aux participants.
participants-sign-in-link = Connectez-vous
participants-sign-in-after = et inscrivez-vous pour demander des rendez-vous aux participants.
participants-search-placeholder = Nom, offre, besoin…
participants-any-country = Tous les pays
participants-not-asked = Pas encore sollicités
participants-show = Afficher
participants-count = { $count ->
        [one] { $shown_text } participant sur { $count_text }.
       *[other] { $shown_text } participants sur { $count_text }.
    }
participants-guest = Invité
participants-looks-for = Recherche
participants-message = Message (facultatif)
participants-message-placeholder = Pourquoi vous rencontrer ?
participants-request = Demander un rendez-vous
participants-last-request = Dernière demande
participants-request-word = Demande
participants-they-asked = Vous a sollicité
participants-see-requests = Voir mes demandes
participants-none = Aucun participant ne correspond à ces filtres.
request-state-sent = envoyée
request-state-received = reçue
request-state-accepted = acceptée
request-state-declined = refusée
request-state-expired = expirée
request-state-withdrawn = retirée
requests-not-registered = Vous n’êtes pas inscrit à { $event } : inscrivez-vous sur
requests-not-registered-after = , puis trouvez qui rencontrer.
requests-find-whom = Trouver qui rencontrer
requests-received = Reçues
requests-none-received = Personne ne vous a encore sollicité.
requests-sent = Envoyées
requests-undo = Annuler la demande
quote-open = « 
quote-close =  »

## Mon agenda

agenda-of = Agenda de
agenda-calendar = Ajouter à votre agenda (iCalendar)
agenda-calendar-after = — les rendez-vous déplacés s’y mettent à jour d’eux-mêmes.
agenda-none = Aucun rendez-vous pour l’instant :
agenda-no-slot = Pas encore de créneau
agenda-meeting-with = Rendez-vous avec
agenda-table = table
agenda-moment-unplaced = accepté, en attente d’un créneau
agenda-moment-upcoming = planifié
agenda-moment-now = en cours
agenda-moment-over = créneau passé
agenda-moment-held = a eu lieu
agenda-moment-no-show = absence
agenda-moment-cancelled = annulé
agenda-unplaced-note = Les organisateurs placent les rendez-vous acceptés lorsqu’ils établissent le planning de l’événement.
agenda-how-was-it = Comment cela s’est-il passé ?
agenda-outcome-cooperation-possible = coopération possible
agenda-outcome-informative = instructif
agenda-outcome-no-interest = pas d’intérêt
agenda-outcome-did-not-take-place = n’a pas eu lieu
agenda-send-feedback = Envoyer mon avis
agenda-cancel-meeting = Annuler le rendez-vous
session-kind-session = session
session-kind-keynote = conférence inaugurale
session-kind-testimonials = témoignages
session-kind-round-table = table ronde
session-kind-meetings = rendez-vous d’affaires
session-kind-networking = réseautage

## Liste des projets et page d’un projet

projects-title = Projets
projects-new = Nouveau projet
projects-search-label = Rechercher des projets
projects-search-placeholder = Mots de l’acronyme, du titre ou du thème de l’appel
projects-status = Statut
projects-count = { $count ->
        [one] { $count_text } projet.
       *[other] { $count_text } projets.
    }
project-kind-common = commun
project-kind-flagship = phare
project-kind-eu-funded = financé par l’UE
project-kind-long-common = projet commun
project-kind-long-flagship = projet phare
project-kind-long-eu-funded = projet financé par l’UE
project-status-planned = prévu
project-status-running = en cours
project-status-completed = terminé
project-edit = Modifier le projet
project-dates = Dates
project-dates-between = du { $from } au { $to }
project-dates-from = à partir du { $from }
project-dates-until = jusqu’au { $to }
project-dates-unknown = inconnues
project-budget = Budget
project-budget-eur = { $amount } €
project-topic = Thème de l’appel
project-summary = Résumé
project-partners = Partenaires
project-partner-id = Identifiant de l’organisation
project-partner-placeholder = Identifiant de l’organisation à ajouter comme partenaire
project-add-partner = Ajouter le partenaire

## Thématiques transversales et recommandations d’une organisation

themes-title = Thématiques transversales aux clusters
themes-lead = Les sujets sur lesquels travaillent des membres de plusieurs clusters, avec, pour chaque cluster, les membres concernés. Les mots trop généraux sont écartés ; une thématique est d’autant mieux classée qu’elle est précise et partagée par de nombreux membres et clusters. Chacune est une bonne raison de réunir ces membres.
themes-none = Aucune thématique n’est encore partagée par deux clusters.
themes-clusters = clusters
themes-find = Trouver des partenaires sur
recs-title = Qui { $name } devrait rencontrer
recs-lead = Des organisations dont les activités rejoignent les siennes et avec lesquelles elle n’a pas encore travaillé ; celles qui n’appartiennent à aucun de ses clusters sont favorisées
recs-share = ({ $percent } % d’entre elles appartiennent à d’autres clusters)
recs-none = Le profil et les projets ne contiennent pas encore assez de texte pour suggérer des partenaires.

## Montage de consortium

consortium-title = Montage de consortium
consortium-lead = Collez le texte d’un appel et indiquez les partenaires qu’il exige. L’outil propose une équipe qui les réunit, montre ce qui manque encore et vous permet de remplacer n’importe quel membre.
consortium-call = Texte de l’appel ou idée de projet
consortium-needed = Partenaires recherchés, par type
consortium-kind-university = Universités
consortium-kind-research = Organismes de recherche
consortium-kind-company = Entreprises
consortium-kind-sme = PME
consortium-kind-public = Organismes publics
consortium-kind-other = Autres
consortium-kinds-help = Combien de partenaires de chaque type l’appel exige ; laissez vide s’il n’en faut aucun.
consortium-min-countries = Nombre minimal de pays
consortium-submit = Proposer une équipe
consortium-proposed = Équipe proposée
consortium-countries = { $count ->
        [one] { $count_text } pays
       *[other] { $count_text } pays
    }
consortium-covered = Tous les rôles requis et l’objectif de pays sont couverts.
consortium-missing = Il manque encore :
consortium-why = Pourquoi
consortium-swap = Remplacer
consortium-keep = Garder
consortium-role-university = université
consortium-role-research = organisme de recherche
consortium-role-company = entreprise
consortium-role-sme = PME
consortium-role-public = organisme public
consortium-role-other = autre

## Impression du plan de table

print-title = Plan de table
print-organise = Organiser
print-heading = Plan de table de
print-help = Imprimez cette page depuis votre navigateur (Ctrl+P ou ⌘P) : chaque créneau s’imprime sur sa propre page, pour l’accueil et pour la salle.
print-tables = { $count ->
        [one] { $count_text } table
       *[other] { $count_text } tables
    }
print-no-meetings = Aucun rendez-vous dans ce créneau.
print-meetings-at = Rendez-vous à
print-table = Table
print-meeting = Rendez-vous
print-no-slots = Aucun créneau de rendez-vous.
meeting-status-scheduled = planifié
meeting-status-held = a eu lieu
meeting-status-no-show = absence
meeting-status-cancelled = annulé

## Disponibilités

availability-of = Disponibilités de
availability-lead = Le planificateur ne place des rendez-vous que dans les créneaux marqués disponibles. Les modifications s’appliquent à la prochaine planification ; un rendez-vous déjà placé dans un créneau que vous libérez sera alors déplacé.
availability-saved = { $available ->
        [one] Enregistré : disponible dans { $available_text } créneau sur { $count_text }.
       *[other] Enregistré : disponible dans { $available_text } créneaux sur { $count_text }.
    }
availability-arrival = J’arrive pour le créneau
availability-first-slot = le premier créneau
availability-departure = Je pars après le créneau
availability-last-slot = le dernier créneau
availability-sessions = Sessions de rendez-vous auxquelles je participe
availability-slots = Créneaux
availability-slot = Créneau
availability-session = Session
availability-blocked = Bloqué
availability-now = Actuellement
availability-blocked-at = Bloqué à
availability-available = disponible
availability-not-available = indisponible
availability-save = Enregistrer mes disponibilités

## Organisation d’un événement

organise-lead = Les organisateurs voient toutes les demandes et tous les rendez-vous, jamais les messages échangés entre participants. Les rendez-vous tenus ou verrouillés ne bougent plus ; une nouvelle planification déplace le moins possible de rendez-vous déjà publiés.
organise-over = Cet événement est terminé : son plan de table reste tel qu’il a eu lieu et plus rien n’est planifié.
organise-schedule = Planifier tous les rendez-vous acceptés
organise-report = { $placed } rendez-vous placés sur { $requests } (poids { $weight } sur un maximum de { $bound } : { $ratio } % du possible). Plus grand écart { $shortfall }, temps morts { $breaks }{ $minimal }, déplacés { $moved }.
organise-breaks-minimal = (le minimum possible)
organise-moved-by = Rendez-vous déplacés, par participant :
organise-feedback = Avis après les rendez-vous
organise-print = Imprimer le plan de table (un créneau par page)
organise-no-meetings = Aucun rendez-vous.
organise-on-the-day = Le jour même
organise-locked = verrouillé
organise-status-of = Statut du rendez-vous à la table
organise-mark = Enregistrer
organise-unlock = Déverrouiller
organise-lock = Verrouiller ici
organise-not-placed = Non placés
organise-tables-per-slot = Tables par créneau
organise-tables-help = { $count ->
        [one] Vide : la { $count_text } table de l’événement. 0 ferme le créneau aux rendez-vous.
       *[other] Vide : les { $count_text } tables de l’événement. 0 ferme le créneau aux rendez-vous.
    }
organise-tables = Tables
organise-tables-at = Tables à
organise-save-tables = Enregistrer les tables
organise-participant = Participant
organise-availability = Disponibilités
organise-desk = Accueil
organise-ruled-out = { $count ->
        [0] tous les créneaux
        [one] { $count_text } créneau exclu
       *[other] { $count_text } créneaux exclus
    }
organise-checked-in = arrivé
organise-undo = Annuler
organise-check-in = Enregistrer l’arrivée
organise-add-participant = Ajouter un participant
organise-add-help = Un invité extérieur aux clusters, ou un représentant inscrit par les organisateurs. Laissez l’organisation vide pour un invité.
organise-participant-name = Nom du participant
organise-organisation-placeholder = Organisation : nom ou identifiant (facultatif)
organise-add-submit = Ajouter le participant
organise-requests = Demandes
organise-from = De
organise-to = À
organise-priority = Priorité
request-state-pending = en attente

## Formulaires : création et modification des organisations, projets, clusters et événements

form-correct = Veuillez corriger les champs ci-dessous.
form-save = Enregistrer
form-cancel = Annuler
form-edit-named = Modifier { $name }
form-edit-organisation = Modifier l’organisation
field-name = Nom
field-slug = Nom court dans les adresses
field-slug-help-cluster = Lettres minuscules, chiffres et tirets, p. ex. space
field-slug-help-event = Lettres minuscules, chiffres et tirets, p. ex. cluster-forum-2027
field-sector = Secteur
field-description = Description
field-event-name-help = p. ex. Luxembourg Cluster Forum 2027
field-starts-on = Premier jour
field-venue = Lieu
field-clusters = Clusters
field-clusters-help = Leurs gestionnaires organisent l’événement.
field-tables = Tables
field-tables-help = Tables de rendez-vous par créneau (chaque créneau pourra en ouvrir moins par la suite)
field-capacity = Capacité
field-capacity-help = Au-delà, les inscriptions passent en liste d’attente
field-request-ttl = Heures avant qu’une demande restée sans réponse n’expire
field-empty-72 = Vide : 72
field-max-requests = Demandes qu’un participant peut envoyer
field-empty-20 = Vide : 20
field-max-meetings = Rendez-vous qu’un participant peut accepter
field-empty-no-cap = Vide : sans limite
field-agenda = Programme
field-agenda-help = Une session par ligne : HH:MM-HH:MM Titre (type), p. ex. 09:00-09:45 Accueil et conférence inaugurale (keynote)
field-programme = Programme des rendez-vous
field-programme-help = Un bloc de créneaux par ligne : [AAAA-MM-JJ] SESSION HH:MM MINUTES NOMBRE, p. ex. afternoon 14:00 20 9
field-title = Titre
field-acronym = Acronyme
field-kind = Type
field-summary = Résumé
field-start-date = Date de début
field-end-date = Date de fin
field-date-help = AAAA-MM-JJ
field-budget = Budget (EUR)
field-programme-name = Programme
field-programme-name-help = p. ex. Horizon Europe
field-topic = Thème de l’appel
field-project-clusters = Clusters concernés
field-project-clusters-help = Noms courts des clusters, séparés par des points-virgules, p. ex. space; ict
field-external-grant = Identifiant externe (p. ex. numéro de convention de subvention)
field-project-kind-common = Projet commun
field-project-kind-flagship = Projet phare
field-project-kind-eu-funded = Projet financé par l’UE
field-short-name = Nom court
field-sme = PME (entreprises uniquement)
field-not-stated = Non précisé
field-yes = Oui
field-no = Non
field-country = Pays
field-country-help = Code ISO 3166, p. ex. LU
field-city = Ville
field-website = Site web
field-website-help = https://…
field-offers = Ce que vous proposez
field-needs = Ce que vous recherchez
field-tags = Compétences
field-tags-help = Séparées par des points-virgules, p. ex. composites; impression 3D
field-languages = Langues
field-languages-help = Codes ISO 639-1 séparés par des points-virgules, p. ex. en; fr; de; lb
field-external-pic = Identifiant externe (p. ex. PIC de l’UE)
cluster-split-of = Scinder
cluster-split-lead = Un nouveau cluster est créé ; les membres que vous cochez y sont transférés (leur adhésion ici prend fin aujourd’hui). Les deux historiques le mentionnent.
cluster-split-members = Membres transférés vers le nouveau cluster
cluster-split-no-members = Ce cluster n’a aucun membre actuel.
cluster-split-submit = Scinder

## Journal d’audit et page de l’API

audit-when = Quand
audit-who = Qui
audit-action = Action
audit-what = Objet
audit-detail = Détail
api-title = API JSON
api-lead-json = Tout ce que les pages affichent est aussi disponible en JSON sous
api-lead-description = La description lisible par machine se trouve à l’adresse
api-write = La lecture des données publiques ne nécessite aucun compte. Pour écrire, envoyez
api-semicolon = { "\u202F" };
api-tokens = un administrateur délivre les jetons avec
api-lists = Les listes répondent
api-pages = les pages sont numérotées à partir de 1,
api-per-page = vaut 20 par défaut et au plus 100.
api-errors = Les erreurs de validation répondent 422 avec
api-parameters = Paramètres :
api-body = Corps :
api-answers = Réponses :

## Votre compte

account-title = Votre compte
account-clusters-managed = Clusters que vous gérez
account-invitations = Invitations à rejoindre des clusters
account-invitations-lead = Les gestionnaires d’un cluster ont invité votre organisation. En acceptant, elle en devient membre : ils peuvent alors modifier son profil et voir les coordonnées réservées aux « gestionnaires ».
account-accept-invitation = Accepter l’invitation dans
account-decline-invitation = Refuser l’invitation dans
account-saved-searches = Recherches enregistrées
account-saved-searches-lead = Les organisations nouvelles ou modifiées qui correspondent à une recherche enregistrée apparaissent ici jusqu’à ce que vous les marquiez comme consultées.
account-no-saved-searches = Aucune pour l’instant : enregistrez-en une depuis
account-nothing-new = rien de nouveau
account-new-or-changed = { $count ->
        [one] { $count_text } nouvelle ou modifiée
       *[other] { $count_text } nouvelles ou modifiées
    }
account-run-search = la relancer
account-mark-seen = Marquer comme consultées
account-contact-requests = Demandes de contact en attente de réponse
account-contact-requests-lead = Accepter une demande révèle à son auteur les coordonnées réservées « après accord ».
account-none = Aucune.
account-asks-to-contact = demande à contacter
account-colon = { "\u00A0" }:
contact-state-pending = en attente
contact-state-accepted = acceptée
contact-state-declined = refusée
account-tokens = Jetons d’API
account-tokens-lead = Les programmes agissent en votre nom avec ces jetons. Chacun n’est affiché qu’une fois, à sa création ; révoquez ceux que vous n’utilisez plus ou que vous avez pu perdre.
account-token-created = Créé le
account-token-id = Identifiant
account-revoke = Révoquer
account-revoke-token = Révoquer le jeton
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-password-help = Au moins 10 caractères, difficiles à deviner : quelques mots sans rapport entre eux conviennent bien. Le modifier déconnecte tous les autres navigateurs et met fin à tous les jetons d’API.
account-change-password = Modifier le mot de passe
account-sign-out-everywhere = Se déconnecter partout
account-sign-out-everywhere-lead = Met fin à toutes les sessions de ce compte, y compris dans ce navigateur, et à tous les jetons d’API.

## Noms de pays (Europe et principaux pays partenaires ; les autres restent en anglais)

country-at = Autriche
country-be = Belgique
country-bg = Bulgarie
country-hr = Croatie
country-cy = Chypre
country-cz = Tchéquie
country-dk = Danemark
country-ee = Estonie
country-fi = Finlande
country-fr = France
country-de = Allemagne
country-gr = Grèce
country-hu = Hongrie
country-ie = Irlande
country-it = Italie
country-lv = Lettonie
country-lt = Lituanie
country-lu = Luxembourg
country-mt = Malte
country-nl = Pays-Bas
country-pl = Pologne
country-pt = Portugal
country-ro = Roumanie
country-sk = Slovaquie
country-si = Slovénie
country-es = Espagne
country-se = Suède
country-is = Islande
country-li = Liechtenstein
country-no = Norvège
country-ch = Suisse
country-gb = Royaume-Uni
country-tr = Turquie
country-il = Israël
country-ua = Ukraine
country-rs = Serbie
country-al = Albanie
country-ba = Bosnie-Herzégovine
country-me = Monténégro
country-mk = Macédoine du Nord
country-md = Moldavie
country-ge = Géorgie
country-am = Arménie
country-tn = Tunisie
country-ma = Maroc
country-xk = Kosovo
country-fo = Îles Féroé
country-us = États-Unis
country-ca = Canada
country-jp = Japon
country-cn = Chine
country-kr = Corée du Sud
country-in = Inde
country-br = Brésil
country-au = Australie
country-za = Afrique du Sud
country-nz = Nouvelle-Zélande
country-sg = Singapour
country-ru = Russie
country-xx = Pays inconnu

## Pages d'inscription : le formulaire, le lien de confirmation, votre organisation

signup-lead = Créez un compte, confirmez votre adresse, puis indiquez-nous l’organisation que vous représentez : un gestionnaire de cluster valide votre demande.
signup-your-name = Votre nom
signup-password-help = Au moins 10 caractères, difficiles à deviner.
signup-accept-terms = J’accepte les conditions d’utilisation : mon nom, mon adresse et ce que j’écris sont conservés pour faire fonctionner ce service, et affichés selon mes choix de visibilité.
signup-have-account = Vous avez déjà un compte ?
signup-confirm-title = Confirmez votre adresse
signup-confirm-lead = Un clic, et votre compte est prêt.
signup-confirm-submit = Confirmer mon adresse
signup-link-used = Ce lien a déjà servi : votre adresse est confirmée. Connectez-vous.
signup-link-expired = Ce lien a expiré : un lien est valable 24 heures. Veuillez vous inscrire de nouveau.
signup-link-unknown = Ce lien est inconnu. Vérifiez qu’il a été copié en entier, ou inscrivez-vous de nouveau.
signup-org-your-requests = Vos demandes
signup-org-lead = Tant qu’un gestionnaire de cluster n’a pas validé votre demande, vous voyez ce que tout le monde voit, ainsi que votre propre compte.
signup-org-claim = Revendiquer une organisation déjà répertoriée
signup-org-represent = Je représente { $name }
signup-org-none-found = Aucune organisation dont le nom contient « { $query } ».
signup-org-or-new = Ou ajoutez une nouvelle organisation
signup-org-country = Pays (code à deux lettres)
signup-org-clusters = Clusters à rejoindre
signup-org-submit = Demander à adhérer
join-state = État
join-message = Message
join-to-represent = (pour la représenter)
join-state-pending = en attente
join-state-approved = acceptée
join-state-declined = refusée

## Mot de passe oublié, nouveau mot de passe et désabonnement

forgot-title = Mot de passe oublié
forgot-lead = Saisissez l’adresse e-mail de votre compte. Si un compte l’utilise, nous lui envoyons un lien pour définir un nouveau mot de passe ; ce lien n’est valable qu’une fois, pendant une heure.
forgot-submit = M’envoyer un lien
forgot-back = Retour à la connexion
reset-title = Définir un nouveau mot de passe
reset-lead = Au moins 10 caractères, difficiles à deviner. Le définir déconnecte ce compte partout.
reset-password-again = Nouveau mot de passe (confirmation)
reset-submit = Enregistrer le nouveau mot de passe
reset-entries-differ = confirmation du mot de passe : les deux saisies diffèrent
reset-refused-title = Lien inutilisable
reset-refused-heading = Ce lien ne peut pas être utilisé
reset-ask-new-link = Demander un nouveau lien
reset-link-used = Ce lien a déjà servi. Chaque lien ne permet de définir un mot de passe qu’une seule fois : demandez-en un nouveau ci-dessous.
reset-link-expired = Ce lien a expiré : un lien est valable une heure. Demandez-en un nouveau ci-dessous.
reset-link-unknown = Ce lien est inconnu. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau ci-dessous.
unsubscribe-title = Se désabonner
unsubscribe-lead = Ne plus recevoir ce type de message à cette adresse ? Les messages liés à la sécurité de votre compte (réinitialisation du mot de passe, confirmation d’adresse) vous sont toujours envoyés.

## Demandes d'adhésion (gestionnaires et administrateurs)

join-lead = Des personnes inscrites qui demandent à représenter une organisation dans vos clusters. Votre réponse et son message leur sont envoyés par e-mail.
join-asks-claim = { $email } demande à représenter { $organisation } (depuis le { $since }).
join-asks-new = { $email } demande que la nouvelle organisation { $organisation } rejoigne { $cluster } (depuis le { $since }).
join-message-to = Message à { $name }
join-approve = Accepter
join-none = Aucune demande ne vous attend.

## Comptes (administrateurs)

users-invite-title = Inviter une personne
users-role = Rôle
users-invite-member = Membre (représente une organisation)
users-invite-manager = Gestionnaire de cluster
users-invite-participant = Participant à un événement
users-invite-admin = Administrateur
users-invite-cluster = Cluster (pour un gestionnaire)
users-invite-organisation = Organisation, par son nom ou son identifiant (pour un membre)
users-invite = Inviter
users-every-account = Tous les comptes
users-email-contains = L’adresse e-mail contient
users-since = Depuis
users-actions = Actions
users-disabled = (désactivé)
users-enable = Réactiver
users-disable = Désactiver
users-disable-label = Désactiver { $email }
users-revoke-tokens = Révoquer les jetons d’API
users-revoke-label = Révoquer les jetons d’API de { $email }
users-send-reset = Envoyer une réinitialisation
users-role-admin = administrateur
users-role-manager = gestionnaire de cluster
users-role-member = membre
users-role-participant = participant

## File d'envoi (administrateurs)

outbox-lead = Tous les messages rédigés par l’application, du plus récent au plus ancien : { $waiting_text } en attente, { $sent_text } { $sent ->
        [one] envoyé
       *[other] envoyés
    }.
outbox-no-smtp-before = Sans serveur SMTP
outbox-no-smtp-after = les messages attendent ici.
outbox-recipient = Destinataire
outbox-filter = Filtrer
outbox-test-to = Envoyer un message de test à
outbox-send = Envoyer
outbox-written = Rédigé le
outbox-to = À
outbox-subject = Objet
outbox-security-mail = message de sécurité
outbox-no-mail = Aucun message.
outbox-state-sent = envoyé le { $when }
outbox-state-waiting = en attente
outbox-state-retrying = { $count ->
        [one] en attente : { $count_text } tentative, prochaine à { $next }
       *[other] en attente : { $count_text } tentatives, prochaine à { $next }
    }

## Analyse des collaborations

analytics-heading-initiative = Analyse des collaborations : l’initiative
analytics-heading-cluster = Analyse des collaborations : { $cluster }
analytics-lead-before = Calculé à partir des données du registre lui-même ; chaque chiffre est défini dans le fichier du projet
analytics-lead-after = . Lorsque les adhésions sont déduites (comme dans la démonstration), les chiffres par cluster reflètent en partie la règle qui les a déduites.
analytics-period = Période
analytics-from = De
analytics-to = à
analytics-show = Afficher
analytics-csv = Chiffres au format CSV :
analytics-kpis = Indicateurs clés de la stratégie
analytics-kpi = Indicateur
analytics-initiative-per-year = L’initiative, par année
analytics-cluster-per-year = { $cluster }, par année
analytics-clusters-compared = Clusters comparés, { $year }
analytics-matrix = Collaboration entre clusters
analytics-heat-title = Projets communs et rendez-vous tenus entre clusters
analytics-heat-desc = Chaque case correspond à une paire de clusters ; le nombre indique leurs projets communs et leurs rendez-vous tenus sur { $from }–{ $to }, plus la case est foncée, plus il est élevé (maximum : { $max }). Le tableau ci-dessous donne tous les chiffres.
analytics-pairs-caption = Paires de clusters sur la période (évolution par rapport à la période précédente)
analytics-joint-projects = Projets communs
analytics-held-meetings = Rendez-vous tenus
analytics-shared-members = Membres communs
analytics-the-initiative = l’initiative
analytics-outside-partners = partenaires extérieurs ({ $partners })
analytics-bridges = Organisations passerelles
analytics-bridges-lead = Centralité d’intermédiarité dans le graphe des membres (projets et rendez-vous tenus que vous pouvez voir), avec le principal rôle d’intermédiaire entre clusters.
analytics-betweenness = Intermédiarité
analytics-isolated = Membres isolés
analytics-isolated-lead = Aucun projet ni rendez-vous tenu avec un autre cluster au cours des trois dernières années ; pour les premiers, les suggestions de mise en relation.
analytics-member = Membre
analytics-last-across = Dernière collaboration entre clusters
analytics-suggested = Partenaires suggérés
analytics-never = jamais
analytics-communities = Communautés
analytics-communities-lead = Communautés de Leiden du graphe des collaborations (projets communs, résolution 1), modularité { $modularity } : là où la collaboration réelle dépasse les frontières des clusters.
analytics-community = Communauté
analytics-members-per-cluster = Membres par cluster
analytics-non-members = Non-membres
analytics-most-connected = Les plus connectées
analytics-funnel = Du rendez-vous au projet
analytics-event-or-cluster = Événement ou cluster
analytics-event = événement { $event }
analytics-requested = Demandés
analytics-accepted = Acceptés
analytics-held = Tenus
analytics-cooperation-possible = Coopération possible
analytics-follow-up = Suivi
analytics-joint-project = Projet commun
analytics-median-days = Jours médians jusqu’au projet
analytics-whole-for-admins = Les chiffres de l’ensemble de l’initiative sont réservés aux administrateurs.

## Analyse des collaborations : axes et indicateurs de la stratégie

analytics-field-business-development = Développement des affaires
analytics-field-internationalisation = Internationalisation
analytics-field-flagship-projects = Projets phares
analytics-field-branding = Image de marque
analytics-field-prospection-promotion = Prospection et promotion
analytics-kpi-members = Membres
analytics-kpi-new-members = Nouveaux membres
analytics-kpi-active-members = Membres actifs
analytics-kpi-meetings-held-per-member = Rendez-vous tenus par membre
analytics-kpi-meeting-requests-sent = Demandes de rendez-vous envoyées
analytics-kpi-meeting-requests-accepted = Demandes de rendez-vous acceptées
analytics-kpi-projects-started = Projets lancés
analytics-kpi-foreign-partner-project-share = Part des projets avec un partenaire étranger
analytics-kpi-partner-countries = Pays partenaires
analytics-kpi-cross-border-meetings = Rendez-vous transfrontaliers
analytics-kpi-flagship-projects-started = Projets phares lancés
analytics-kpi-common-projects-started = Projets communs lancés
analytics-kpi-flagship-common-budget-eur = Budget des projets phares et communs (EUR)
analytics-kpi-multi-cluster-share = Part des projets multi-clusters
analytics-kpi-profile-completeness = Complétude des profils
analytics-kpi-profiles-fresh-share = Part des profils à jour
analytics-kpi-events = Événements
analytics-kpi-participants = Participants
analytics-kpi-guests = Invités
analytics-kpi-guests-became-members = Invités devenus membres
analytics-kpi-meetings-per-participant = Rendez-vous par participant

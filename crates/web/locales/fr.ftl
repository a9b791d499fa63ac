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
footer-data = Données des projets et des organisations : CORDIS – projets de recherche de l’UE au titre du 7e PC, d’Horizon 2020 et d’Horizon Europe, © Union européenne, sous licence CC BY 4.0.
footer-demo = Dans la démonstration, les adhésions aux clusters sont déduites et les personnes de contact sont fictives.

## Confirmations après un formulaire

flash-signed-in = Vous êtes connecté.
flash-signed-out = Vous êtes déconnecté.
flash-signed-out-everywhere = Déconnexion partout : tous les navigateurs et tous les jetons d’API de ce compte sont déconnectés.
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
flash-cluster-split = Cluster scindé : le nouveau cluster est créé.
flash-member-added = Membre ajouté.
flash-membership-ended = Adhésion terminée.
flash-project-created = Projet créé.
flash-project-saved = Projet enregistré.
flash-partner-saved = Partenaire enregistré.
flash-partner-removed = Partenaire retiré.
flash-search-saved = Recherche enregistrée.
flash-search-saved-named = Recherche « { $name } » enregistrée.
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
flash-meeting-not-sent-because = Demande de rendez-vous non envoyée : { $reason }.

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
home-demo-notice = Données de démonstration : les organisations et les projets sont réels (CORDIS, © Union européenne, CC BY 4.0) ; les adhésions aux clusters ont été déduites des textes des projets et sont signalées comme telles.
home-members = membres
home-projects = projets
home-meter-label = membres par rapport au plus grand cluster
home-empty = Aucun cluster pour l’instant. Un administrateur de l’agence les crée.
home-empty-demo = Cette commande charge la démonstration luxembourgeoise :
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
login-wrong = Adresse e-mail ou mot de passe incorrect.
login-disabled = Ce compte est désactivé.
login-too-many = Trop de tentatives : réessayez dans { $seconds } secondes.
login-demo-accounts = Comptes de démonstration :
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

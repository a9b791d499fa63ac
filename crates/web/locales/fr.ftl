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
flash-reset-link-sent = Si un compte utilise cette adresse, un lien pour définir un nouveau mot de passe lui a été envoyé. Il n’est valable qu’une fois, pendant une heure.
flash-password-reset = Nouveau mot de passe enregistré. Toutes les sessions de ce compte ont pris fin : connectez-vous avec le nouveau mot de passe.
flash-unsubscribed = Désabonnement effectué : plus aucun message de ce type ne sera envoyé à cette adresse.
flash-test-mail-queued = Message de test déposé dans la file d’envoi.
flash-sign-up-sent = Merci. Un message de confirmation de l’adresse vous a été envoyé ; son lien est valable 24 heures.
flash-address-confirmed = Adresse confirmée : votre compte est prêt. Indiquez-nous maintenant l’organisation que vous représentez.
flash-join-requested = Demande envoyée : un gestionnaire de cluster y répondra et vous recevrez un message.
flash-join-approved = Demande acceptée ; la personne en est informée par e-mail.
flash-join-declined = Demande refusée ; la personne en est informée par e-mail.
flash-user-invited = Invitation envoyée : la personne définit son mot de passe grâce au lien reçu par e-mail.
flash-account-disabled = Compte désactivé : ses sessions et ses jetons d’API ont pris fin.
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
login-forgot = Mot de passe oublié ?
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

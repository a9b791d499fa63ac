## Administration : filtres, pages et export du journal d’audit

audit-lead-zone = Qui a modifié quoi, du plus récent au plus ancien. Les heures sont celles du fuseau horaire de l’initiative ({ $zone }).
audit-filters = Filtrer le journal d’audit
audit-any = Tous
audit-from = Du (jour)
audit-to = Au (jour)
audit-filter = Afficher
audit-clear = Effacer les filtres
audit-csv = Télécharger ces lignes au format CSV
audit-none = Aucune ligne du journal ne correspond à ces filtres.
audit-older = Lignes plus anciennes

## Administration : rôle, clusters et organisation d’un compte

flash-access-changed = Accès modifié : le compte travaille avec son nouveau rôle dès sa prochaine page.
users-access = Modifier l’accès
users-access-label = Modifier l’accès de { $email }
users-access-title = Accès de { $email }
users-access-lead = Le rôle détermine ce que le compte peut faire ; un gestionnaire de cluster anime les clusters cochés ci-dessous, un membre représente une organisation. La modification s’applique dès la prochaine page du compte et est consignée dans le journal d’audit.
users-access-clusters = Clusters qu’il gère (pour un gestionnaire de cluster)
users-access-save = Enregistrer l’accès
users-access-back = Retour aux comptes
users-access-now = Actuellement : { $role }

## Les données d’une personne : les télécharger, supprimer le compte

privacy-title = Vos données
privacy-lead = Téléchargez en un seul fichier JSON tout ce que la plateforme conserve à votre sujet : votre compte, vos consentements, vos sessions, vos recherches enregistrées, vos coordonnées, vos demandes de contact et de rendez-vous, vos rendez-vous, vos évaluations et suites données, les e-mails qui vous ont été envoyés et les lignes du journal d’audit qui vous nomment.
privacy-download = Télécharger mes données (JSON)
privacy-delete-title = Supprimer mon compte
privacy-delete-lead = Votre compte et vos données personnelles seront supprimés définitivement : vos coordonnées, vos messages, votre accès et les e-mails adressés à votre adresse. La fiche de votre organisation est conservée, vos rendez-vous passés restent ceux d’un compte supprimé de votre organisation, et le journal d’audit garde la trace des opérations sans votre adresse.
privacy-delete-password = Votre mot de passe, pour confirmer
privacy-delete = Supprimer définitivement mon compte
flash-account-deleted = Votre compte et vos données personnelles ont été supprimés. Merci de votre participation.
flash-account-deleted-by-admin = Compte supprimé : ses données personnelles ont disparu ; le journal d’audit ne le désigne plus que par un numéro.
users-delete-title = Supprimer ce compte à la demande de la personne
users-delete-lead = Supprime définitivement le compte et ses données personnelles, comme la personne pourrait le faire elle-même ; la fiche de l’organisation est conservée et le journal d’audit garde la trace des opérations sans l’adresse.
users-delete-confirm = Saisissez l’adresse e-mail du compte pour confirmer
users-delete = Supprimer le compte

privacy-consents = Ce que vous avez accepté
privacy-no-consents = Aucun consentement n’est enregistré pour ce compte.

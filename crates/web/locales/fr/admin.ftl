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

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

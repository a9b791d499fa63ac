# La console des organisateurs (issue 17, point 3) et les badges nominatifs (point 4).
console-sections = Sections de la console
console-section-overview = Vue d’ensemble
console-section-participants = Participants
console-section-requests = Demandes
console-section-schedule = Planification
console-section-tables = Tables et salles
console-section-round-tables = Tables rondes
console-section-printouts = Impressions
console-title-overview = Organiser
console-title-participants = Participants
console-title-requests = Demandes de rendez-vous
console-title-schedule = Planification
console-title-tables = Tables et salles
console-title-round-tables = Tables rondes
console-title-printouts = Impressions
console-in-numbers = En chiffres
console-next = Prochaines étapes
console-fig-registered = Inscrits
console-fig-waiting = En liste d’attente
console-fig-requests = Demandes de rendez-vous
console-fig-pending = En attente de réponse
console-fig-accepted = Acceptées
console-fig-placed = Rendez-vous placés
console-fig-checked-in = Arrivés
console-next-approve = { $count ->
        [one] Une personne est en liste d’attente : acceptez-la ou non.
       *[other] { $count_text } personnes sont en liste d’attente : acceptez-les ou non.
    }
console-next-pending = { $count ->
        [one] Une demande de rendez-vous attend une réponse.
       *[other] { $count_text } demandes de rendez-vous attendent une réponse.
    }
console-next-over = { $count ->
        [one] L’événement est terminé, un participant est venu. Ses impressions restent disponibles.
       *[other] L’événement est terminé, { $count_text } participants sont venus. Ses impressions restent disponibles.
    }
console-next-schedule = { $count ->
        [one] Un rendez-vous accepté n’a pas encore de créneau : lancez la planification.
       *[other] { $count_text } rendez-vous acceptés n’ont pas encore de créneau : lancez la planification.
    }
console-next-print = { $count ->
        [one] Le rendez-vous accepté est placé : imprimez le plan de tables et les badges.
       *[other] Les { $count_text } rendez-vous acceptés sont tous placés : imprimez le plan de tables et les badges.
    }
console-next-wait = { $count ->
        [one] Un participant est inscrit ; aucun rendez-vous n’est encore accepté.
       *[other] { $count_text } participants sont inscrits ; aucun rendez-vous n’est encore accepté.
    }
console-desk-search = Nom, organisation ou code du badge
console-desk-find = Chercher
console-desk-all = Afficher tout le monde
console-desk-help = Scanner le code QR d’un badge dans le champ trouve aussitôt son porteur ; enregistrez son arrivée avec le bouton (la ligne se met à jour sur place).
console-desk-nobody = Personne ne correspond à cette recherche.
console-organisation = Organisation
console-approve = Accepter
console-no-requests = Pas encore de demande de rendez-vous.
console-printouts-help = Chaque impression a sa propre mise en page : utilisez la commande Imprimer de votre navigateur sur la page.
console-print-agendas = Imprimer l’agenda de chaque participant (un par page)
console-print-badges = Imprimer les badges nominatifs (huit par page A4)
console-round-tables-help = Des groupes de quatre à six autour de thèmes communs, mêlant les clusters, parmi les participants qui ont demandé une table ronde.
console-no-round-tables = Personne n’a encore demandé de table ronde.
console-round-table-shared = Thèmes communs :
console-running = Planification en cours… meilleur résultat jusqu’ici : { $best } rendez-vous placés sur { $accepted }. Cette page se recharge d’elle-même.
console-running-what-if = Simulation en cours… meilleur résultat jusqu’ici : { $best } rendez-vous placés sur { $accepted }. Cette page se recharge d’elle-même.
console-result-none = Aucun rendez-vous n’est encore accepté : il n’y a rien à planifier.
console-result-every = { $placed ->
        [one] Le rendez-vous accepté est placé.
       *[other] Les { $placed_text } rendez-vous acceptés sont tous placés.
    }
console-result-all = { $placed ->
        [one] Le seul rendez-vous qui puisse avoir lieu est placé
       *[other] Les { $placed_text } rendez-vous qui peuvent avoir lieu sont tous placés
    } ; { $left ->
        [one] un ne peut pas l’être, parce que :
       *[other] { $left_text } ne peuvent pas l’être, parce que :
    }
console-result-some = { $placed_text } rendez-vous acceptés sur { $accepted_text } sont placés ; un calcul plus long pourrait en placer davantage. { $left ->
        [one] Un n’est pas placé, parce que :
       *[other] { $left_text } ne sont pas placés, parce que :
    }
console-result-now = { $placed_text } rendez-vous acceptés sur { $accepted_text } sont placés. { $left ->
        [one] Un n’est pas placé, parce que :
       *[other] { $left_text } ne sont pas placés, parce que :
    }
console-because-no-common-slot = { $count ->
        [one] un binôme n’a aucun créneau où les deux sont disponibles
       *[other] { $count_text } binômes n’ont aucun créneau où les deux sont disponibles
    }
console-because-sides-busy = { $count ->
        [one] dans un binôme, l’un ou l’autre a déjà un rendez-vous dans chaque créneau commun
       *[other] dans { $count_text } binômes, l’un ou l’autre a déjà un rendez-vous dans chaque créneau commun
    }
console-because-no-table = { $count ->
        [one] pour un binôme, aucune table n’est libre quand les deux le sont
       *[other] pour { $count_text } binômes, aucune table n’est libre quand les deux le sont
    }
console-because-busy-or-no-table = { $count ->
        [one] pour un binôme, chaque créneau commun est pris par un rendez-vous de l’un d’eux ou n’a plus de table
       *[other] pour { $count_text } binômes, chaque créneau commun est pris par un rendez-vous de l’un d’eux ou n’a plus de table
    }
console-because-duplicate = { $count ->
        [one] un binôme se rencontre déjà dans un autre rendez-vous
       *[other] { $count_text } binômes se rencontrent déjà dans un autre rendez-vous
    }
console-because-not-reached = { $count ->
        [one] un pourrait être placé en relançant la planification
       *[other] { $count_text } pourraient être placés en relançant la planification
    }
console-why-no-common-slot = Ils n’ont aucun créneau où les deux sont disponibles.
console-why-sides-busy = { $count ->
        [one] Dans leur seul créneau commun, l’un des deux a déjà un rendez-vous.
       *[other] Dans chacun de leurs { $count_text } créneaux communs, l’un des deux a déjà un rendez-vous.
    }
console-why-no-table = { $count ->
        [one] Dans leur seul créneau commun, toutes les tables sont prises.
       *[other] Dans leurs { $count_text } créneaux communs, toutes les tables sont prises dès que les deux sont libres.
    }
console-why-busy-or-no-table = { $count ->
        [one] Dans leur seul créneau commun, l’un des deux a un rendez-vous ou il ne reste plus de table.
       *[other] Dans chacun de leurs { $count_text } créneaux communs, l’un des deux a un rendez-vous ou il ne reste plus de table.
    }
console-why-duplicate = Ces deux-là se rencontrent déjà dans un autre rendez-vous.
console-why-not-reached = Un créneau et une table sont libres : le dernier calcul s’est arrêté avant de le placer.
console-fix-one-more-slot = Un créneau de plus en fin de journée (une fin plus tardive) permettrait de le placer.
console-fix-one-more-table = Une table de plus à { $slot } permettrait de le placer.
console-fix-availability = Il serait placé si { $who } était disponible à { $slot }.
console-fix-run-again = Relancer la planification le place.
console-fix-nothing = Rien à faire.
console-schedule-now = Planifier et publier
console-schedule-help = Place chaque rendez-vous accepté dans un créneau et à une table, puis publie le plan dans les agendas des participants. Les rendez-vous déjà placés restent où ils sont dans la mesure du possible.
console-what-if = Et si…
console-what-if-help = Essayez plus de tables ou une fin plus tardive avant de rien changer : le résultat est comparé au plan actuel, et rien n’est publié.
console-what-if-tables = Tables de plus dans chaque créneau
console-what-if-slots = Créneaux de plus en fin de journée
console-what-if-run = Essayer
console-what-if-still = Toujours pas placés
console-change-tables = { $tables ->
        [one] une table de plus dans chaque créneau
       *[other] { $tables } tables de plus dans chaque créneau
    }
console-change-slots = { $slots ->
        [one] un créneau de plus en fin de journée
       *[other] { $slots } créneaux de plus en fin de journée
    }
console-change-both = { $tables } tables de plus dans chaque créneau et { $slots } créneaux de plus en fin de journée
console-what-if-result = Avec { $change } : { $placed_text } rendez-vous placés au lieu de { $current_text } ({ $delta_text }) ; { $left ->
        [0] aucun laissé de côté.
        [one] un reste de côté.
       *[other] { $left_text } restent de côté.
    } Rien n’a été publié : pour l’appliquer, modifiez les tables (Tables et salles) ou le programme, puis planifiez.
flash-schedule-started = La planification a commencé.
flash-what-if-started = La simulation a commencé : rien ne sera publié.
flash-participant-approved = Participant accepté : il est désormais inscrit.
badges-title = Badges nominatifs
badges-help = { $count ->
        [one] Un badge, huit par page A4. Chaque code QR contient le code d’arrivée de son porteur : scannez-le à l’accueil.
       *[other] { $count_text } badges, huit par page A4. Chaque code QR contient le code d’arrivée de son porteur : scannez-le à l’accueil.
    }
badges-none = Personne n’est encore inscrit.
badge-qr-label = Code d’arrivée de { $name }
console-what-if-same = sans changement
console-fix-give-up-another = Seul l’abandon d’un autre rendez-vous par l’un des deux permettrait de le placer.

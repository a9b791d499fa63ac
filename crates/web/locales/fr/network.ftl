# La carte du réseau de collaboration (/analytics/network), la publication des chiffres et les graphiques des indicateurs.

## La carte du réseau
network-heading = Réseau de collaboration
network-lead = { $organisations } organisations ayant au moins un projet commun, reliées par { $edges } paires de partenaires (les { $drawn } liens les plus forts sont tracés) ; { $meetings } paires se sont rencontrées lors d’événements que vous pouvez voir (tirets rouges). { $left } organisations sans projet commun ne figurent pas sur la carte. La taille des cercles croît avec la centralité d’intermédiarité ; cliquez sur un cercle pour ouvrir la fiche de l’organisation.
network-desc = Une carte de { $organisations } organisations, placées de sorte que les partenaires fréquents soient proches. { $communities } communautés ont été trouvées (modularité { $modularity }) ; l’intermédiarité est { $exact ->
    [yes] exacte.
   *[no] estimée par échantillonnage, à ±{ $bound } près avec une probabilité de 0,9.
  } Le tableau ci-dessous présente les organisations les plus centrales.
network-search-label = Trouver une organisation
network-colour = Couleur selon
network-by-cluster = le cluster
network-by-community = la communauté
network-no-match = Aucune organisation de la carte ne porte ce nom.
network-matches = Sur la carte (cerclées de noir) :
network-zoom-in = Agrandir
network-zoom-out = Réduire
network-reset = Carte entière
network-meeting-key = rendez-vous tenu que vous pouvez voir
network-top = Organisations les plus centrales
network-top-caption = Les 50 organisations à la plus forte intermédiarité, avec leur degré (partenaires de projets communs) ; le CSV contient toutes les organisations de la carte
network-clusters = Clusters
network-degree = Partenaires
network-community-n = communauté { $number }
network-other-communities = communautés plus petites
network-no-cluster = hors cluster

## Publication des chiffres
publish-label = Qui voit ces chiffres
publish-not-published = seulement les administrateurs et les gestionnaires du cluster
publish-to-members = publiés pour les membres
publish-to-public = publiés pour tous
publish-save = Enregistrer
publish-note-members = Ces chiffres sont publiés pour les membres de l’initiative. Les nombres de rendez-vous inférieurs à 5 apparaissent sous la forme « moins de 5 » pour les lecteurs qui ne peuvent pas voir ces rendez-vous.
publish-note-public = Ces chiffres sont publiés pour tous. Les nombres de rendez-vous inférieurs à 5 apparaissent sous la forme « moins de 5 » pour les lecteurs qui ne peuvent pas voir ces rendez-vous.
publish-fewer-than = moins de { $n }
flash-analytics-published = Le choix des destinataires de ces chiffres a été enregistré.

## Graphiques des indicateurs
chart-heading = Indicateurs dans le temps
chart-desc = { $kpi } par année, de { $from } à { $to }, { $lines ->
    [one] une courbe
   *[other] { $lines } courbes
  } (l’initiative et chaque cluster) ; l’axe va de 0 à { $max }. Le tableau ci-dessous donne toutes les valeurs.

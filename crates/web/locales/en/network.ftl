# The collaboration network map (/analytics/network), publishing figures, and the KPI charts.

## The network map
network-heading = Collaboration network
network-lead = { $organisations } organisations with at least one joint project, joined by { $edges } pairs of partners (the strongest { $drawn } drawn); { $meetings } pairs met at events you may see (dashed red). { $left } organisations without a joint project are left off the map. Circles grow with betweenness; click one to open the organisation.
network-desc = A map of { $organisations } organisations placed so that frequent partners sit close together. { $communities } communities were found (modularity { $modularity }); betweenness is { $exact ->
    [yes] exact.
   *[no] sampled, within ±{ $bound } with probability 0.9.
  } The table below lists the most central organisations.
network-search-label = Find an organisation
network-colour = Colour by
network-by-cluster = cluster
network-by-community = community
network-no-match = No organisation on the map has that name.
network-matches = On the map (ringed in black):
network-zoom-in = Zoom in
network-zoom-out = Zoom out
network-reset = Whole map
network-meeting-key = held meeting you may see
network-top = Most central organisations
network-top-caption = The 50 organisations with the highest betweenness, with their degree (partners in joint projects); the CSV lists every organisation on the map
network-clusters = Clusters
network-degree = Partners
network-community-n = community { $number }
network-other-communities = smaller communities
network-no-cluster = in no cluster

## Publishing figures
publish-label = Who sees these figures
publish-not-published = admins and the cluster's managers only
publish-to-members = published to the members
publish-to-public = published to everyone
publish-save = Save
publish-note-members = These figures are published to the members of the initiative. Meeting counts below 5 are shown as "fewer than 5" to readers who may not see those meetings.
publish-note-public = These figures are published to everyone. Meeting counts below 5 are shown as "fewer than 5" to readers who may not see those meetings.
publish-fewer-than = fewer than { $n }
flash-analytics-published = Who sees these figures was saved.

## KPI charts
chart-heading = KPIs over time
chart-desc = { $kpi } per year from { $from } to { $to }, { $lines ->
    [one] one line
   *[other] { $lines } lines
  } (the initiative and each cluster); the axis runs from 0 to { $max }. The table below gives every value.

# Rencontrer les autres participants d’un événement (ticket 17) : suggestions, annulation,
# liens de visioconférence, lignes du programme, agendas imprimés.
meet-suggested-title = Suggestions pour vous
meet-suggested-lead = Des participants dont les activités rejoignent celles de votre organisation, trouvés par notre moteur de mise en relation parmi les participants de cet événement ; ceux d’autres clusters d’abord.
meet-everyone = Tous les participants de l’événement
meet-other-cluster = autre cluster
meet-why = Pourquoi se rencontrer
meet-undo = Retirer la demande

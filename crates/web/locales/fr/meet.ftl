# Rencontrer les autres participants d’un événement (ticket 17) : suggestions, annulation,
# liens de visioconférence, lignes du programme, agendas imprimés.
meet-suggested-title = Suggestions pour vous
meet-suggested-lead = Des participants dont les activités rejoignent celles de votre organisation, trouvés par notre moteur de mise en relation parmi les participants de cet événement ; ceux d’autres clusters d’abord.
meet-everyone = Tous les participants de l’événement
meet-other-cluster = autre cluster
meet-why = Pourquoi se rencontrer
meet-undo = Retirer la demande
meet-video-join = Rejoindre la visioconférence
meet-video-add = Ajouter un lien de visioconférence
meet-video-change = Modifier le lien de visioconférence
meet-video-label = Lien de visioconférence (https)
meet-video-save = Enregistrer le lien
meet-video-clear = Retirer le lien
flash-video-saved = Lien de visioconférence enregistré : vous le voyez tous deux dans votre agenda.
flash-video-cleared = Lien de visioconférence retiré.
flash-video-not-saved = Lien de visioconférence non enregistré.
flash-video-not-saved-because = Lien de visioconférence non enregistré : { $reason }.
meet-print-agendas-title = Agendas personnels
meet-print-agendas-help = L’agenda de chaque participant inscrit, un par page imprimée : imprimez cette page (Ctrl+P) pour l’accueil.
meet-print-no-meetings = Aucun rendez-vous dans cet agenda pour l’instant.
meet-print-no-participants = Personne n’est encore inscrit.
meet-print-agendas-link = Imprimer l’agenda de chaque participant
meet-print-video = Visioconférence : { $url }

# English: the reference catalogue. Every key here exists in fr.ftl and de.ftl with the same
# variables (tested in web::i18n). Keys are grouped by the page or part that shows them.

## Every page: skip link, navigation, language switcher, footer

skip-to-content = Skip to content
nav-label = Main
nav-directory = Directory
nav-find-partners = Find partners
nav-consortium = Consortium
nav-themes = Themes
nav-projects = Projects
nav-events = Events
nav-api = API
nav-audit-log = Audit log
nav-sign-in = Sign in
nav-sign-up = Sign up
nav-analytics = Analytics
nav-admin = Administration
nav-accounts = Accounts
nav-outbox = Outbox
nav-your-organisation = Your organisation
nav-join-requests = Requests to join
nav-sign-out = Sign out
nav-menu = Menu
nav-menu-label = Main menu
role-admin = administrator
role-manager = cluster manager
role-member = member
role-participant = participant
language-label = Language
language-switch = Change language
language-of-interface = Language of the interface
language-save = Save
language-browser = As my browser asks
footer-open-source = clusterbridge · open source (MIT OR Apache-2.0)
footer-api = JSON API and its OpenAPI description
footer-data = Project and organisation data: CORDIS – EU research projects under FP7, Horizon 2020 and Horizon Europe, © European Union, licensed CC BY 4.0.
footer-demo = Cluster memberships in the demo are inferred and contact people are fictional.

## Confirmations after a form (flash messages)

flash-signed-in = Signed in.
flash-signed-out = Signed out.
flash-signed-out-everywhere = Signed out everywhere: every browser and every API token of this account is signed out.
flash-password-changed = Password changed. Every other browser and every API token of this account is signed out.
flash-token-revoked = API token revoked.
flash-profile-saved = Profile saved.
flash-organisation-created = Organisation created.
flash-organisation-deleted = Organisation deleted.
flash-person-added = Person added.
flash-person-removed = Person removed.
flash-contact-sent = Contact request sent.
flash-contact-accepted = Contact request accepted.
flash-contact-declined = Contact request declined.
flash-invitation-accepted = Invitation accepted.
flash-invitation-declined = Invitation declined.
flash-invitation-withdrawn = Invitation withdrawn.
flash-cluster-created = Cluster created.
flash-cluster-saved = Cluster saved.
flash-cluster-split = Cluster split: the new cluster is created.
flash-member-added = Member added.
flash-membership-ended = Membership ended.
flash-project-created = Project created.
flash-project-saved = Project saved.
flash-partner-saved = Partner saved.
flash-partner-removed = Partner removed.
flash-search-saved = Search saved.
flash-search-saved-named = Search “{ $name }” saved.
flash-search-deleted = Saved search deleted.
flash-search-seen = Saved search marked as seen.
flash-event-created = Event created.
flash-registered = You are registered for this event.
flash-round-table-joined = You joined the round table.
flash-round-table-left = You left the round table.
flash-meeting-sent = Meeting request sent.
flash-meeting-accepted = Meeting request accepted.
flash-meeting-declined = Meeting request declined.
flash-meeting-cancelled = Meeting cancelled.
flash-meeting-status-saved = Meeting status saved.
flash-feedback-saved = Feedback saved.
flash-round-tables-saved = Round tables saved.
flash-check-in-saved = Check-in saved.
flash-meeting-lock-saved = Meeting saved.
flash-participant-added = Participant added.
flash-language-saved = Interface language saved.
flash-meeting-withdrawn = Meeting request withdrawn.
flash-meeting-not-sent = Meeting request not sent.
flash-meeting-not-sent-because = Meeting request not sent: { $reason }.
flash-reset-link-sent = If an account uses this address, a link to set a new password is on its way. It works once, for one hour.
flash-password-reset = New password set. Every session of this account has ended: sign in with the new password.
flash-unsubscribed = Unsubscribed: no more mail of this kind will be sent to this address.
flash-test-mail-queued = Test mail written to the outbox.
flash-sign-up-sent = Thank you. A mail to confirm the address is on its way; its link works for 24 hours.
flash-address-confirmed = Address confirmed: your account is ready. Now tell us which organisation you represent.
flash-join-requested = Request sent: a cluster manager will answer it, and you will get a mail.
flash-join-approved = Request approved; the person gets a mail.
flash-join-declined = Request declined; the person gets a mail.
flash-user-invited = Invitation sent: the person sets a password with the mailed link.
flash-account-disabled = Account disabled: its sessions and API tokens have ended.
flash-account-enabled = Account enabled.
flash-reset-sent = A link to set a new password was mailed to the account.
flash-tokens-revoked = Every API token of the account is revoked.

## Home page

home-title = Clusters
home-heading = Clusters at a glance
home-lead = { $organisations ->
        [0] No organisations
        [one] One organisation
       *[other] { $organisations_text } organisations
    }, { $projects ->
        [0] no projects
        [one] one project
       *[other] { $projects_text } projects
    } and { $clusters ->
        [0] no clusters
        [one] one cluster
       *[other] { $clusters_text } clusters
    }. Members find partners across clusters, meet at the Cluster Forum and start projects together.
home-demo-notice = Demo data: organisations and projects are real (CORDIS, © European Union, CC BY 4.0); cluster memberships were inferred from project texts and are marked as such.
home-members = members
home-projects = projects
home-meter-label = members compared with the largest cluster
home-empty = No clusters yet. An agency administrator creates them.
home-empty-demo = This command loads the Luxembourg demo:
home-new-cluster = New cluster
home-new-organisation = New organisation
cluster-status-active = active
cluster-status-merged = merged
cluster-status-split = split
cluster-status-archived = archived

## Events list

events-title = Events
events-lead = The Cluster Forum and other events, with one-to-one business meetings scheduled for everyone at once.
events-new = New event
events-none = No events yet.
event-status-open = open
event-status-completed = completed

## Sign-in page

login-title = Sign in
login-email = E-mail
login-password = Password
login-submit = Sign in
login-forgot = Forgotten password?
login-wrong = Wrong e-mail or password.
login-disabled = This account is disabled.
login-too-many = Too many attempts: try again in { $seconds } seconds.
login-demo-accounts = Demo accounts:
login-demo-manager-clusters = manager of the clusters Space and Materials & Manufacturing
login-demo-password = password

## Error pages

error-title-400 = Bad Request
error-title-401 = Unauthorized
error-title-403 = Forbidden
error-title-404 = Not Found
error-title-405 = Method Not Allowed
error-title-409 = Conflict
error-title-413 = Payload Too Large
error-title-422 = Unprocessable Content
error-title-429 = Too Many Requests
error-title-500 = Internal Server Error
error-title-503 = Service Unavailable
error-sign-in-first = Please sign in to continue.
error-forbidden = Your account may not do this.
error-internal = Something went wrong on our side. It has been logged.
error-back-home = Back to the clusters
error-search-directory = Search the directory

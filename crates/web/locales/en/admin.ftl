## Administration: the audit log's filters, paging and export

audit-lead-zone = Who changed what, newest first. Times are in the initiative's time zone ({ $zone }).
audit-filters = Filter the audit log
audit-any = Any
audit-from = From (day)
audit-to = To (day)
audit-filter = Show
audit-clear = Clear the filters
audit-csv = Download these lines as CSV
audit-none = No line of the log matches these filters.
audit-older = Older lines

## Administration: an account's role, clusters and organisation

flash-access-changed = Access changed: the account works with its new role from its next page.
users-access = Change access
users-access-label = Change the access of { $email }
users-access-title = Access of { $email }
users-access-lead = The role decides what the account may do; a cluster manager runs the clusters ticked below, a member speaks for one organisation. The change applies from the account's next page and is written to the audit log.
users-access-clusters = Clusters it manages (for a cluster manager)
users-access-save = Save the access
users-access-back = Back to the accounts
users-access-now = Now: { $role }

## A person's data: download it, delete the account

privacy-title = Your data
privacy-lead = Download one JSON file of everything this platform holds about you: your account, consents, sessions, saved searches, contact details, contact and meeting requests, meetings, feedback and follow-ups, the mail sent to you and the audit lines that name you.
privacy-download = Download my data (JSON)
privacy-delete-title = Delete my account
privacy-delete-lead = This removes your account and your personal data for good: your contact details, your messages, your sign-in and the mail to your address. Your organisation's record stays, your past meetings stay as those of a deleted account of your organisation, and the audit log keeps what happened without your address.
privacy-delete-password = Your password, to confirm
privacy-delete = Delete my account for good
flash-account-deleted = Your account and your personal data are deleted. Thank you for taking part.
flash-account-deleted-by-admin = Account deleted: its personal data are gone; the audit log names it by number only.
users-delete-title = Delete this account on the person's request
users-delete-lead = Removes the account and its personal data for good, as the person could do themselves; the organisation's record stays and the audit log keeps what happened without the address.
users-delete-confirm = Type the account's e-mail address to confirm
users-delete = Delete the account
privacy-consents = What you agreed to
privacy-no-consents = No consent is recorded for this account.

package main

// The checks of the catalogue (docs/checks.md), in the order the README
// lists their expected findings.
const (
	chkPhoto               = "photo_without_consent"
	chkPhotoWithdrawal     = "photo_after_withdrawal"
	chkExternalPost        = "external_post_without_consent"
	chkPostAfterCare       = "external_post_after_care"
	chkConsentIncomplete   = "consent_incomplete"
	chkConsentGuardian     = "consent_not_by_guardian"
	chkReconfirm           = "consent_reconfirmation"
	chkRetPortal           = "retention_portal"
	chkRetTracking         = "retention_tracking"
	chkRetAdmin            = "retention_admin"
	chkRetInvoices         = "retention_invoices"
	chkRetOneDrive         = "retention_onedrive"
	chkRetHR               = "retention_hr"
	chkBSNOutside          = "bsn_outside_admin"
	chkBSNIdentifier       = "bsn_as_identifier"
	chkBSNInvalid          = "bsn_invalid"
	chkHealthBasis         = "health_data_without_basis"
	chkSpecial             = "special_category_data"
	chkProcessor           = "processor_agreement_missing"
	chkProcessorExpiring   = "processor_agreement_expiring"
	chkRegisterIncomplete  = "processing_register_incomplete"
	chkDPIA                = "dpia_missing"
	chkAccountAfterLeaving = "account_after_employment"
	chkAccountScope        = "account_scope_exceeds_role"
	chkAccountShared       = "account_shared"
	chkPortalAccess        = "portal_access_after_placement"
	chkTransferConsent     = "transfer_without_consent"
	chkVVETransfer         = "vve_transfer_missing"
	chkRequestOverdue      = "request_overdue"
	chkBreach              = "breach_not_handled"
	chkChildUnknown        = "child_unknown_in_admin"
	chkChildMismatch       = "child_data_mismatch"
	chkPlacementOpen       = "placement_open_after_care"
	// issue 11
	chkSharedLink          = "onedrive_shared_link"
	chkPlainEmail          = "transfer_plain_email"
	chkAccountHygiene      = "account_hygiene"
	chkAccountBeyond       = "account_scope_beyond_groups"
	chkPRK                 = "prk_link"
	chkDevices             = "device_security"
	chkProcessorSafeguards = "processor_safeguards"
	chkStaffPrivacy        = "staff_confidentiality_training"
	chkCamera              = "camera_register"
)

var checkOrder = []string{
	chkPhoto, chkPhotoWithdrawal, chkExternalPost, chkPostAfterCare, chkConsentIncomplete, chkConsentGuardian, chkReconfirm,
	chkRetPortal, chkRetTracking, chkRetAdmin, chkRetInvoices, chkRetOneDrive, chkRetHR,
	chkBSNOutside, chkBSNIdentifier, chkBSNInvalid, chkHealthBasis, chkSpecial,
	chkProcessor, chkProcessorExpiring, chkRegisterIncomplete, chkDPIA,
	chkAccountAfterLeaving, chkAccountScope, chkAccountShared, chkPortalAccess,
	chkTransferConsent, chkVVETransfer, chkRequestOverdue, chkBreach,
	chkChildUnknown, chkChildMismatch, chkPlacementOpen,
	chkSharedLink, chkPlainEmail, chkAccountHygiene, chkAccountBeyond, chkPRK, chkDevices,
	chkProcessorSafeguards, chkStaffPrivacy, chkCamera,
}

package queries

import "github.com/avgaudit/avgaudit/results"

// Labels of the codes of the checks added for issue 11 (sharing links,
// insecure transfers, account hygiene, group scope, the Personenregister
// Kinderopvang, devices, processors abroad, confidentiality and training,
// cameras). They live apart from codeLabels' literal so that the two can be
// edited independently; init merges them in.
var newCodeLabels = map[string]map[string]results.Text{
	// The kind of worker in the Personenregister Kinderopvang (prk_link).
	"worker_kind": {
		"staff":     {NL: "medewerker", EN: "employee"},
		"temp":      {NL: "uitzend- of invalkracht", EN: "agency worker or stand-in"},
		"intern":    {NL: "stagiair", EN: "intern"},
		"volunteer": {NL: "vrijwilliger", EN: "volunteer"},
	},
	"problem": {
		// onedrive_shared_link
		"anyone_link":     {NL: "gedeeld via een link voor iedereen", EN: "shared by an anyone link"},
		"shared_external": {NL: "gedeeld met personen buiten de organisatie", EN: "shared with people outside the organisation"},
		// account_hygiene
		"unused":       {NL: "account lang niet gebruikt", EN: "account long unused"},
		"generic_name": {NL: "algemene accountnaam, niet tot één persoon te herleiden", EN: "generic account name, not traceable to one person"},
		"no_mfa":       {NL: "geen tweestapsverificatie", EN: "no multi-factor authentication"},
		// prk_link
		"not_linked":      {NL: "werkt, maar niet gekoppeld in het personenregister", EN: "working, but not linked in the register"},
		"linked_late":     {NL: "pas na de eerste werkdag gekoppeld", EN: "linked only after the first working day"},
		"still_linked":    {NL: "na vertrek nog gekoppeld", EN: "still linked after leaving"},
		"unlinked_late":   {NL: "te laat ontkoppeld", EN: "unlinked late"},
		"not_in_register": {NL: "in dienst, niet in het overzicht van het personenregister", EN: "employed, not in the register's overview"},
		// device_security
		"not_encrypted":     {NL: "apparaat niet versleuteld", EN: "device not encrypted"},
		"no_passcode":       {NL: "apparaat zonder toegangscode", EN: "device without passcode"},
		"not_managed":       {NL: "apparaat niet in apparaatbeheer (MDM)", EN: "device not enrolled in device management (MDM)"},
		"loss_not_recorded": {NL: "verlies niet in het datalekkenregister", EN: "loss not in the breach register"},
		// processor_safeguards
		"outside_eea_no_safeguard": {NL: "buiten de EER zonder waarborg voor de doorgifte", EN: "outside the EEA without a transfer safeguard"},
		"sub_processors_unknown":   {NL: "subverwerkers niet vastgelegd", EN: "sub-processors not recorded"},
		"pre_gdpr_agreement":       {NL: "overeenkomst van vóór de AVG, niet aangepast", EN: "agreement from before the GDPR, not updated"},
		// staff_confidentiality_training
		"no_confidentiality": {NL: "geen getekende geheimhoudingsverklaring", EN: "no signed confidentiality statement"},
		"no_training":        {NL: "geen privacytraining gevolgd", EN: "no privacy training followed"},
		"training_outdated":  {NL: "privacytraining te lang geleden", EN: "privacy training too long ago"},
		// camera_register
		"retention_too_long":       {NL: "beelden langer bewaard dan de termijn", EN: "images kept longer than the period"},
		"retention_unknown":        {NL: "bewaartermijn niet vastgelegd", EN: "retention period not recorded"},
		"no_dpia":                  {NL: "geen DPIA vastgelegd", EN: "no DPIA recorded"},
		"no_works_council_consent": {NL: "geen instemming van de OR of PVT", EN: "no consent of the works council"},
		// transfer_plain_email
		"plain_email": {NL: "met gewone (onversleutelde) e-mail verstuurd", EN: "sent by plain (unencrypted) e-mail"},
	},
}

func init() {
	for col, labels := range newCodeLabels {
		if codeLabels[col] == nil {
			codeLabels[col] = map[string]results.Text{}
		}
		for code, l := range labels {
			if _, dup := codeLabels[col][code]; dup {
				panic("queries: code " + col + "/" + code + " labelled twice")
			}
			codeLabels[col][code] = l
		}
	}
}

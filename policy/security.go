package policy

// The settings of the checks on accounts, devices, the Personenregister
// Kinderopvang, staff confidentiality and training, and cameras. The law
// sets none of these periods except where a default names a source; the
// others are the organisation's own choice and say so.

// PRK settings: the Personenregister Kinderopvang.
type PRK struct {
	UnlinkDays int `yaml:"unlink_days"`
}

// Staff settings: confidentiality and privacy training.
type Staff struct {
	TrainingWithinDays    int `yaml:"training_within_days"`
	TrainingRefreshMonths int `yaml:"training_refresh_months"`
}

// Camera settings: camera surveillance and webcams.
type Camera struct {
	RetentionDays int `yaml:"retention_days"`
}

const (
	defaultUnusedMonths        = 6
	defaultPRKUnlinkDays       = 30
	defaultTrainingWithinDays  = 90
	defaultCameraRetentionDays = 28
)

// defaultGenericNames are words that, as a whole part of a login name, say
// the account belongs to a role, group or device rather than to a person.
func defaultGenericNames() []string {
	return []string{"admin", "administrator", "algemeen", "balie", "beheer", "beheerder", "gast", "groep",
		"info", "invaller", "invalkracht", "ipad", "kantoor", "laptop", "locatie", "stagiair", "stagiaire", "tablet", "test"}
}

func (p Policy) securityParams() []Param {
	return []Param{
		{Name: "access.unused_months", Value: p.Access.UnusedMonths,
			Doc:   "months without a login after which an active account counts as unused and should be blocked (default 6: the organisation's own choice; AVG art. 5 lid 1 sub f and art. 32 lid 1 sub b ask for access that is reviewed regularly, they set no period)",
			DocNL: "maanden zonder inlog waarna een actief account als ongebruikt geldt en geblokkeerd hoort te worden (standaard 6: eigen keuze van de organisatie; AVG art. 5 lid 1 sub f en art. 32 lid 1 sub b vragen om toegang die regelmatig wordt herzien, maar noemen geen termijn)"},
		{Name: "access.generic_names", List: lowerAll(p.Access.GenericNames), IsList: true,
			Doc:   "words that make a login name generic, an account of a role, group or device rather than of one person, when the part before @ is made only of these words, the organisation's group names and digits (beheer, groep.kajuit, ipad-2; not stagiair.jansen or admin.jdevries) (default admin, beheer, groep, ipad, ...: accounts must be traceable to one person, AVG art. 5 lid 2 and art. 32)",
			DocNL: "woorden die een inlognaam algemeen maken, een account van een rol, groep of apparaat in plaats van één persoon, als het deel vóór @ alleen uit deze woorden, de groepsnamen van de organisatie en cijfers bestaat (beheer, groep.kajuit, ipad-2; niet stagiair.jansen of admin.jdevries) (standaard admin, beheer, groep, ipad, ...: een account moet tot één persoon te herleiden zijn, AVG art. 5 lid 2 en art. 32)"},
		{Name: "prk.unlink_days", Value: p.PRK.UnlinkDays,
			Doc:   "days after the last working day within which a person must be unlinked from the organisation in the Personenregister Kinderopvang (default 30: the organisation's own choice; Wet kinderopvang art. 1.48d and DUO ask to unlink someone who no longer works there, without a period)",
			DocNL: "dagen na de laatste werkdag waarbinnen iemand in het Personenregister Kinderopvang van de organisatie ontkoppeld moet zijn (standaard 30: eigen keuze van de organisatie; Wet kinderopvang art. 1.48d en DUO vragen wie er niet meer werkt te ontkoppelen, zonder termijn)"},
		{Name: "staff.training_within_days", Value: p.Staff.TrainingWithinDays,
			Doc:   "days after the start of employment within which an employee follows the privacy training (default 90: the organisation's own choice; AVG art. 32 lid 4 and art. 39 lid 1 sub b set no period)",
			DocNL: "dagen na indiensttreding waarbinnen een medewerker de privacytraining volgt (standaard 90: eigen keuze van de organisatie; AVG art. 32 lid 4 en art. 39 lid 1 sub b noemen geen termijn)"},
		{Name: "staff.training_refresh_months", Value: p.Staff.TrainingRefreshMonths,
			Doc:   "months after which the privacy training must be followed again; 0: once is enough (default 0: the AVG sets no period; set e.g. 24 if the privacy policy asks for a refresher)",
			DocNL: "maanden waarna de privacytraining opnieuw gevolgd moet worden; 0: eenmaal is genoeg (standaard 0: de AVG noemt geen termijn; zet bijvoorbeeld 24 als het privacybeleid om een opfriscursus vraagt)"},
		{Name: "camera.retention_days", Value: p.Camera.RetentionDays,
			Doc:   "days camera and webcam recordings may be kept, unless an incident was recorded (default 28: 4 weeks — Autoriteit Persoonsgegevens on camera surveillance; EDPB Guidelines 3/2019 on video devices: as short as possible, often a few days; AVG art. 5 lid 1 sub e)",
			DocNL: "dagen dat camera- en webcambeelden bewaard mogen blijven, tenzij er een incident is vastgelegd (standaard 28: 4 weken — Autoriteit Persoonsgegevens over cameratoezicht; EDPB-richtsnoeren 3/2019 over videoapparatuur: zo kort mogelijk, vaak enkele dagen; AVG art. 5 lid 1 sub e)"},
	}
}

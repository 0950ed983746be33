package main

import (
	"strings"
	"time"
)

// The organisation's records, as the generator builds them before writing
// them out in each system's export format.

// Group is a childcare group at one location.
type Group struct {
	Name     string
	Location string
	Kind     string // KDV (dagopvang), PO (peuteropvang) or BSO
	MinAge   int    // youngest age in months
	MaxAge   int    // oldest age in months (exclusive)
	Staff    []*Staff
}

// tracked groups follow their children in KIJK!; BSO does not.
func (g *Group) tracked() bool { return g.Kind != "BSO" }

func (g *Group) careType() string {
	switch g.Kind {
	case "KDV":
		return "Dagopvang"
	case "PO":
		return "Peuteropvang"
	}
	return "Buitenschoolse opvang"
}

// Child is a child as the administration knows it (and, for the two
// planted orphans, as it once knew it).
type Child struct {
	ID          string
	First, Last string
	Boy         bool
	Birth       time.Time
	BSN         string
	KeepBSN     bool   // the BSN is still in the export
	TypedBSN    string // planted: the export holds this mistyped BSN instead
	Religion    string // Kidsadmin's old "Religie" field
	Street      string
	Postcode    string
	City        string
	Nationality string
	GP          string
	School      string
	Language    string
	VVE         bool
	Remarks     string
	Group       *Group
	Days        []string
	Start, End  time.Time
	Deleted     bool   // the administration deleted the record; it survives elsewhere
	Scenario    string // non-empty for the hand-placed children
	Guardians   []*Guardian
	Portal      *PortalChild
	Tracking    *TrackingChild
	// KDVUntil is, for a BSO child who came up through the dagopvang, the
	// day it left its KDV group (and was archived in KIJK!).
	KDVUntil time.Time
}

func (c *Child) name() string { return c.First + " " + c.Last }

// plain children are kept in the portal and KIJK! like any other child:
// everyone but the hand-placed retention scenarios.
func (c *Child) plain() bool {
	return c.Scenario == "" || strings.HasPrefix(c.Scenario, "photo") || strings.HasPrefix(c.Scenario, "plain")
}

func (c *Child) inCare(t time.Time) bool {
	return !c.Start.After(t) && (c.End.IsZero() || !c.End.Before(t))
}

// Guardian is a parent or guardian of one child.
type Guardian struct {
	ID        string
	Child     *Child
	First     string
	Last      string
	Relation  string
	Birth     time.Time
	BSN       string
	Email     string
	Phone     string
	IBAN      string
	Mandate   bool
	Access    bool
	LastLogin time.Time
	// NotInPortal: the parent has no row in the portal (only in the administration).
	NotInPortal bool
	// drawnAccess is Access as drawn, before portalAccess closed it for a
	// placement that ended: last year's exports start from it.
	drawnAccess bool
}

func (g *Guardian) name() string { return g.First + " " + g.Last }

// PortalChild is a child in Konnect.
type PortalChild struct {
	ID         string
	Child      *Child
	Unlinked   bool // the portal does not keep the administration's child number
	Start, End time.Time
	Birth      time.Time
	First      string // planted: the portal spells the first name differently
	Consents   []*Consent
}

// Consent is one answer a parent recorded for one permission.
type Consent struct {
	PC        *PortalChild
	Type      int // index into consentTypes
	Granted   bool
	Recorded  time.Time // zero: migrated from the previous portal without a date
	Withdrawn time.Time
	By        string // who recorded it (Konnect's "Vastgelegd door"): the parent in the portal, a migration
	GivenBy   string // the person who gave or refused it; empty for migrated answers
	Keep      bool   // planted: the yearly reconfirmation round leaves it as it is
	// before is the answer as recorded before this year's reconfirmation
	// round overwrote it; nil when the round left it alone.
	before *consentState
}

// consentState is what a reconfirmation round changes of an answer.
type consentState struct {
	Recorded    time.Time
	By, GivenBy string
}

// Note is a child note in Konnect.
type Note struct {
	ID       string
	PC       *PortalChild
	Category int // index into noteCategories
	Text     string
	Created  time.Time
	By       string
	Basis    string // Konnect's "Grondslag" label for health notes; empty if none recorded
}

// Photo is one diary photo; each tagged child becomes one export row.
type Photo struct {
	ID      string
	Posted  time.Time
	Group   *Group
	By      string
	Removed time.Time
	Caption string
	// DateOnly: the export gives the posting date without a time; Posted
	// is then the last second of that day, as the checks compare it.
	DateOnly bool
	Tags     []*PortalChild
}

// TrackingChild is a child in KIJK!.
type TrackingChild struct {
	ID       string
	Child    *Child
	Unlinked bool
	Link     string // planted: what KIJK! holds instead of the child number
	Last     string // planted: KIJK! spells the last name differently
	Group    *Group
	Archived time.Time
	VVE      bool
	Mentor   string
}

// Observation is one KIJK! registration.
type Observation struct {
	TC     *TrackingChild
	Date   time.Time
	Author string
	Moment string
	Lines  string
}

// Transfer is one overdracht to a primary school.
type Transfer struct {
	TC          *TrackingChild
	School      string
	Sent        time.Time
	Consent     time.Time
	Channel     string
	Attachments string
	Programme   string // VVE programme passed on, for a VVE child
	Duration    string // how long the child followed it
}

// Invoice is one Kidsadmin invoice.
type Invoice struct {
	ID          string
	Child       *Child
	Guardian    *Guardian
	Date        time.Time
	Description string
	Hours       int64 // hundredths
	Rate        int64 // cents
	Amount      int64 // cents
	Status      string
}

// Staff is an employee.
type Staff struct {
	ID         string
	First      string
	Last       string
	Role       string
	Location   string
	Groups     []*Group
	Start, End time.Time
}

func (s *Staff) name() string { return s.First + " " + s.Last }

func (s *Staff) employed(t time.Time) bool {
	return !s.Start.After(t) && (s.End.IsZero() || !s.End.Before(t))
}

// Account is a login in one system.
type Account struct {
	System    string
	Username  string
	Staff     *Staff // nil for a shared account
	SharedBy  string // the register's employee numbers for an account without one employee
	Scope     string
	Active    bool
	LastLogin time.Time
	MFA       string // Ja, Nee or "" (the export does not say)
}

// Processor is a row of the processor register.
type Processor struct {
	System, Vendor, Purpose, Categories string
	Signed, Expires                     time.Time
	Certifications                      string
	InUse                               bool
	Remark                              string
}

// Request is a data subject's request.
type Request struct {
	ID, Type                      string
	Received, Extension, Answered time.Time
	Remark                        string
}

// Breach is a row of the breach register.
type Breach struct {
	ID          string
	Discovered  time.Time
	Description string // the facts
	Reportable  string // "Ja", "Nee" or "" (not decided)
	Reported    time.Time
	HighRisk    bool
	Informed    time.Time
	Effects     string
	Measures    string
	Exception   string // why the people affected need not be informed (art. 34 lid 3)
	LateReason  string // why a report after 72 hours was late (art. 33 lid 1)
}

// Post is a social media or website post showing a recognisable child.
type Post struct {
	ID      string
	Child   *Child
	Date    time.Time
	Channel string
	Consent bool
	Ref     string // reference to the signed consent form
	Caption string
}

// Activity is a row of the register of processing activities (AVG art. 30).
type Activity struct {
	Name, Purpose, Basis, Categories, Subjects, Systems, Retention, DPIA string
	Recipients, Transfers, Security                                      string
}

// DriveFile is a row of the OneDrive inventory.
type DriveFile struct {
	Path     string
	Owner    string
	Modified time.Time
	Sharing  string
	Category int // index into fileCategories
	ChildID  string
}

// Applicant is a job applicant whose data is kept.
type Applicant struct {
	ID, Name, Role string
	Applied, Ended time.Time
	KeepConsent    bool
	Outcome        string
}

// Complaint is a row of the complaints register.
type Complaint struct {
	ID                string
	Received, Handled time.Time
	Subject           string
}

// Acceptance is a row of the accepted-risk register: findings of a check
// the organisation knowingly accepts until a date. The audit marks it
// accepted, expired or stale (see results.Acceptance).
type Acceptance struct {
	Check         string
	Key           string // a record key or a pattern with * and ?
	Justification string
	Basis         string
	ApprovedBy    string // a role, never a person's name
	Approved      time.Time
	Expires       time.Time
}

// Expectation is one record a check must report (or, in the absent list,
// must not report), with why it was planted.
type Expectation struct {
	Check string
	Table string
	Key   func() string
	Why   string
}

// The consent types in model.ConsentTypes order, with the label Konnect shows.
var consentTypes = []struct{ Canonical, Label string }{
	{"photo_portal", "Foto's in ouderportaal"},
	{"photo_external", "Foto's extern (website/social media)"},
	{"pickup_by_others", "Ophalen door anderen"},
	{"transport", "Vervoer (auto, stint, bus)"},
	{"friend_visit", "Vriendje komt spelen"},
	{"visit_friend", "Spelen bij vriendje"},
	{"independent_from_school", "Zelfstandig van school"},
	{"independent_home", "Zelfstandig naar huis"},
}

const (
	cPhotoPortal = iota
	cPhotoExternal
	cPickup
	cTransport
	cFriendVisit
	cVisitFriend
	cFromSchool
	cHome
)

// The note categories in model.NoteCategories order, with the Konnect label.
var noteCategories = []struct{ Canonical, Label string }{
	{"allergy", "Allergie"},
	{"diet", "Dieet"},
	{"medical", "Medisch"},
	{"vve", "VVE"},
	{"bilingual", "Tweetalig"},
	{"religion", "Levensbeschouwing"},
	{"general", "Algemeen"},
}

const (
	nAllergy = iota
	nDiet
	nMedical
	nVVE
	nBilingual
	nReligion
	nGeneral
)

// healthNote reports whether a note category holds health data (AVG art. 9);
// a diet is not health data by itself.
func healthNote(cat int) bool { return cat == nAllergy || cat == nMedical }

// The recorded grounds for health notes, with the Konnect label.
var noteBases = []struct{ Canonical, Label string }{
	{"consent", "Uitdrukkelijke toestemming"},
	{"necessity", "Noodzakelijk voor de opvang"},
}

// The document kinds of the OneDrive inventory, in model.FileCategories order.
var fileCategories = []struct{ Canonical, Label string }{
	{"child_file", "Kinddossier"},
	{"income", "Inkomensgegevens"},
	{"staff", "Personeel"},
	{"other", "Overig"},
}

const (
	fChildFile = iota
	fIncome
	fStaff
	fOther
)

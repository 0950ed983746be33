package main

import "time"

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
	KeepBSN     bool // the BSN is still in the export
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
}

func (g *Guardian) name() string { return g.First + " " + g.Last }

// PortalChild is a child in Konnect.
type PortalChild struct {
	ID         string
	Child      *Child
	Unlinked   bool // the portal does not keep the administration's child number
	Start, End time.Time
	Birth      time.Time
	Consents   []*Consent
}

// Consent is one answer a parent recorded for one permission.
type Consent struct {
	PC        *PortalChild
	Type      int // index into consentTypes
	Granted   bool
	Recorded  time.Time // zero: migrated from the previous portal without a date
	Withdrawn time.Time
	By        string
}

// Note is a child note in Konnect.
type Note struct {
	ID       string
	PC       *PortalChild
	Category int // index into noteCategories
	Text     string
	Created  time.Time
	By       string
}

// Photo is one diary photo; each tagged child becomes one export row.
type Photo struct {
	ID      string
	Posted  time.Time
	Group   *Group
	By      string
	Removed time.Time
	Caption string
	Tags    []*PortalChild
}

// TrackingChild is a child in KIJK!.
type TrackingChild struct {
	ID       string
	Child    *Child
	Unlinked bool
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
	Scope     string
	Active    bool
	LastLogin time.Time
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
	Description string
	Reportable  bool
	Reported    time.Time
	HighRisk    bool
	Informed    time.Time
	Measures    string
}

// Post is a social media or website post showing a recognisable child.
type Post struct {
	ID      string
	Child   *Child
	Date    time.Time
	Channel string
	Consent bool
	Caption string
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
	{"general", "Algemeen"},
}

const (
	nAllergy = iota
	nDiet
	nMedical
	nVVE
	nBilingual
	nGeneral
)

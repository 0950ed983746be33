// Package model defines avgaudit's canonical data model: the tables every
// export is mapped onto, their columns, types and keys. It is the contract
// between the manifest, the loader and the SQL checks; docs/canonical-model.md
// documents the same tables for users and a test keeps the two in step.
package model

import (
	"fmt"
	"sort"
	"strings"
)

// Type is the canonical type of a column. It decides how a raw export value
// is parsed and which DuckDB type stores it.
type Type int

// The canonical column types.
const (
	Text      Type = iota // free text, trimmed
	Date                  // calendar date: 31-12-2025, 2025-12-31, Excel serial
	Timestamp             // date with optional time: 31-12-2025 14:05
	Bool                  // ja/nee, yes/no, true/false, 1/0, x
	Decimal               // amount: 1234.56, 1.234,56, € 12,50
	BSN                   // Dutch citizen service number, 9 digits, stored as text
	Enum                  // one of Column.Values
)

// String names the type as the manifest documentation does.
func (t Type) String() string {
	switch t {
	case Text:
		return "text"
	case Date:
		return "date"
	case Timestamp:
		return "timestamp"
	case Bool:
		return "bool"
	case Decimal:
		return "decimal"
	case BSN:
		return "bsn"
	case Enum:
		return "enum"
	}
	return fmt.Sprintf("Type(%d)", int(t))
}

// SQLType is the DuckDB column type that stores values of t.
func (t Type) SQLType() string {
	switch t {
	case Date:
		return "DATE"
	case Timestamp:
		return "TIMESTAMP"
	case Bool:
		return "BOOLEAN"
	case Decimal:
		return "DECIMAL(18,2)"
	}
	return "VARCHAR"
}

// PII classifies a column that holds personal data, so reports can mask or
// leave it out depending on their audience.
type PII int

// The kinds of personal data a column can hold.
const (
	NotPII PII = iota
	Name
	BirthDate
	Contact // e-mail, phone, address
	BankAccount
	CitizenNumber // BSN
)

// Column is one canonical column.
type Column struct {
	Name     string
	Type     Type
	Key      bool // part of the table's primary key
	Required bool // an export mapped to the table must supply it, with a value in every row
	// MayBeEmpty relaxes Required: the column must be there, but a blank
	// value means something (an end date that has not come yet).
	MayBeEmpty bool
	Values     []string // allowed values of an Enum column
	// RowKey marks a required column, usually the key, that is only a
	// record number (a note's, a breach's, a photo's): an export without
	// it may leave it unmapped, and the loader then fills it with the
	// export row (see RowKeyValue).
	RowKey bool
	// ProductDefault marks a required column that, without an export
	// column or a fixed value, is the product of the system the export is
	// listed under (accounts.system of a system's own user list).
	ProductDefault bool
	PII            PII
	// FreeText marks text people write (what happened, what a complaint is
	// about): it can name anyone, also people in no table, so it is left
	// out of the risk analysis and the board's report and kept, masked,
	// for the FG only.
	FreeText bool
	Doc      string // one line for the documentation
}

// MustBeMapped reports whether an export mapped to the column's table must
// have a column for it: a required column that is not only a record number
// (which the export row stands in for).
func (c Column) MustBeMapped() bool { return c.Required && !c.RowKey && !c.ProductDefault }

// Table is one canonical table.
type Table struct {
	Name    string
	System  string // admin, portal, tracking or register
	Doc     string
	Columns []Column
}

// Provenance columns are added to every loaded table so each finding can name
// the export file (and sheet) and the row the record came from.
const (
	FileColumn = "_file"
	RowColumn  = "_row"
)

// Systems are the kinds of source system a manifest can describe.
var Systems = []string{"admin", "portal", "tracking", "register"}

// ConsentTypes are the permissions a parent gives in the parent portal.
var ConsentTypes = []string{
	"photo_portal", "photo_external", "pickup_by_others", "transport",
	"friend_visit", "visit_friend", "independent_from_school", "independent_home",
	// photos on one channel only, where the portal asks per channel
	"photo_website", "photo_social",
}

// NoteCategories are the categories of child notes in the parent portal.
var NoteCategories = []string{"allergy", "diet", "medical", "vve", "bilingual", "religion", "general"}

// IntakeConsentTypes are the seven permissions the parent portal asks at
// intake; photo_external (website, social media) is asked separately.
var IntakeConsentTypes = []string{
	"pickup_by_others", "photo_portal", "transport", "friend_visit",
	"visit_friend", "independent_from_school", "independent_home",
}

// HealthBases are the grounds recorded for keeping health data of a child:
// explicit consent (AVG art. 9 lid 2 sub a), a specific legal duty, or
// "necessity" for the child's care, which an export may say but which is
// no art. 9 exception for childcare (the checks report it).
var HealthBases = []string{"consent", "legal_duty", "necessity"}

// PRKKinds are the kinds of people the Personenregister Kinderopvang links
// to a childcare organisation.
var PRKKinds = []string{"staff", "temp", "intern", "volunteer"}

// FileCategories are the kinds of document in the file-share inventory.
var FileCategories = []string{"child_file", "income", "staff", "other"}

func key(name string, doc string) Column {
	return Column{Name: name, Type: Text, Key: true, Required: true, Doc: doc}
}

func req(c Column) Column { c.Required = true; return c }

// rowKey is a key that is only a record number: when the export has no
// column for it, the export row is the key.
func rowKey(name string, doc string) Column {
	c := key(name, doc)
	c.RowKey = true
	return c
}

// rowNumber marks a required column that is only a record number (a
// photo's, a post's): without a column for it, the export row fills it.
func rowNumber(c Column) Column { c.RowKey = true; return c }

// blankOK marks an optional column whose blank value has a meaning (no
// end date: open-ended), so a column blank in every row is no gap.
func blankOK(c Column) Column { c.MayBeEmpty = true; return c }

// RowKeyValue is the key the loader gives a row of an export that has no
// column for a RowKey column: the export's file (with the sheet) and row,
// "Bitcare_bijzonderheden.csv#12".
func RowKeyValue(label string, row int) string { return fmt.Sprintf("%s#%d", label, row) }

// IsRegisterTable reports whether table belongs to the registers: such a
// table may be loaded from the export of any system (a system's own user
// list fills accounts).
func IsRegisterTable(table string) bool {
	t, ok := Lookup(table)
	return ok && t.System == "register"
}

// reqBlank is a required column whose blank value has a meaning.
func reqBlank(c Column) Column { c.Required, c.MayBeEmpty = true, true; return c }

func col(name string, t Type, pii PII, doc string) Column {
	return Column{Name: name, Type: t, PII: pii, Doc: doc}
}

// freeText marks c as text people write (see Column.FreeText).
func freeText(c Column) Column {
	c.FreeText = true
	return c
}

// IsFreeText reports whether column of table is text people write (see
// Column.FreeText).
func IsFreeText(table, column string) bool {
	t, ok := Lookup(table)
	if !ok {
		return false
	}
	c, ok := t.Column(column)
	return ok && c.FreeText
}

// namePrefix is the tussenvoegsel of a child's name, in the tables of
// systems that may export it apart from the last name.
var namePrefix = col("name_prefix", Text, Name, "tussenvoegsel (de, van, van 't); when the export keeps it apart from the last name")

// Tables is the canonical model, in documentation order.
var Tables = []Table{
	{Name: "admin_children", System: "admin", Doc: "One row per child in the childcare administration (e.g. Kidsadmin).", Columns: []Column{
		key("child_id", "the administration's child number; other systems link to it"),
		col("first_name", Text, Name, "first name"),
		namePrefix,
		col("last_name", Text, Name, "last name"),
		col("birth_date", Date, BirthDate, "date of birth"),
		col("gender", Text, NotPII, "gender as exported"),
		col("bsn", BSN, CitizenNumber, "citizen service number (BSN); never written to a report in full"),
		col("address", Text, Contact, "street and house number"),
		col("postcode", Text, Contact, "postcode"),
		col("city", Text, Contact, "city"),
		col("location", Text, NotPII, "childcare location"),
		col("group_name", Text, NotPII, "group"),
		col("care_type", Text, NotPII, "kind of care as exported: dagopvang (KDV), peuteropvang, buitenschoolse opvang (BSO)"),
		col("care_start", Date, NotPII, "start of care"),
		reqBlank(col("care_end", Date, NotPII, "end of care; empty while care continues")),
	}},
	{Name: "admin_guardians", System: "admin", Doc: "One row per parent or guardian of a child in the administration: a parent of two children is two rows with the same guardian_id; the key is guardian_id and child_id together.", Columns: []Column{
		key("guardian_id", "the administration's guardian number"),
		key("child_id", "the child (admin_children.child_id)"),
		col("name", Text, Name, "full name"),
		col("email", Text, Contact, "e-mail address"),
		col("phone", Text, Contact, "phone number"),
		col("iban", Text, BankAccount, "bank account (IBAN)"),
		col("relation", Text, NotPII, "relation to the child (mother, father, guardian, ...)"),
		col("parental_authority", Bool, NotPII, "holds parental authority (ouderlijk gezag) or is the guardian (voogd); empty where the export does not say"),
	}},
	{Name: "admin_invoices", System: "admin", Doc: "One row per invoice.", Columns: []Column{
		rowKey("invoice_id", "invoice number"),
		col("child_id", Text, NotPII, "the child invoiced for"),
		col("guardian_id", Text, NotPII, "the guardian invoiced"),
		req(col("invoice_date", Date, NotPII, "invoice date")),
		col("amount", Decimal, NotPII, "amount in euro"),
	}},
	{Name: "portal_children", System: "portal", Doc: "One row per child in the parent portal (e.g. Konnect).", Columns: []Column{
		key("portal_child_id", "the portal's own child id"),
		col("child_id", Text, NotPII, "the administration's child number, where the portal keeps it"),
		col("first_name", Text, Name, "first name"),
		namePrefix,
		col("last_name", Text, Name, "last name"),
		col("birth_date", Date, BirthDate, "date of birth"),
		col("group_name", Text, NotPII, "group"),
		col("placement_start", Date, NotPII, "start of placement"),
		blankOK(col("placement_end", Date, NotPII, "end of placement; empty while placed")),
	}},
	{Name: "portal_guardians", System: "portal", Doc: "One row per parent with (or without) portal access, per child.", Columns: []Column{
		req(col("portal_child_id", Text, NotPII, "the child (portal_children.portal_child_id)")),
		col("name", Text, Name, "full name"),
		col("email", Text, Contact, "e-mail address"),
		col("has_access", Bool, NotPII, "has a login to the portal"),
		col("last_login", Timestamp, NotPII, "last login"),
	}},
	{Name: "portal_notes", System: "portal", Doc: "One row per child note; the note text itself is not loaded.", Columns: []Column{
		rowKey("note_id", "note id"),
		req(col("portal_child_id", Text, NotPII, "the child")),
		req(Column{Name: "category", Type: Enum, Values: NoteCategories, Doc: "kind of note"}),
		col("created_at", Timestamp, NotPII, "when the note was made"),
		{Name: "basis", Type: Enum, Values: HealthBases, Doc: "recorded ground for health data: consent (explicit, AVG art. 9 lid 2 sub a), legal_duty (a specific legal duty), or necessity (recorded, but no art. 9 exception for childcare); empty if none"},
	}},
	{Name: "portal_consents", System: "portal", Doc: "One row per permission answer a parent recorded in the portal.", Columns: []Column{
		req(col("portal_child_id", Text, NotPII, "the child")),
		req(Column{Name: "consent_type", Type: Enum, Values: ConsentTypes, Doc: "which permission"}),
		req(col("granted", Bool, NotPII, "yes (given) or no (refused)")),
		col("recorded_at", Timestamp, NotPII, "when the answer was recorded"),
		col("withdrawn_at", Timestamp, NotPII, "when a given permission was withdrawn"),
		col("given_by", Text, Name, "name of the person who gave or refused the permission"),
	}},
	{Name: "portal_photos", System: "portal", Doc: "One row per child tagged in a diary photo.", Columns: []Column{
		rowNumber(req(col("photo_id", Text, NotPII, "photo id"))),
		req(col("portal_child_id", Text, NotPII, "the tagged child")),
		req(col("posted_at", Timestamp, NotPII, "when the photo was posted")),
		col("group_name", Text, NotPII, "group diary it was posted in"),
		col("posted_by", Text, Name, "staff member who posted it"),
		col("removed_at", Timestamp, NotPII, "when it was removed"),
	}},
	{Name: "tracking_children", System: "tracking", Doc: "One row per child in the child-tracking system (e.g. KIJK!).", Columns: []Column{
		key("tracking_child_id", "the tracking system's child id"),
		col("child_id", Text, NotPII, "the administration's child number, where kept"),
		col("first_name", Text, Name, "first name"),
		namePrefix,
		col("last_name", Text, Name, "last name"),
		col("birth_date", Date, BirthDate, "date of birth"),
		col("group_name", Text, NotPII, "group"),
		col("vve_indication", Bool, NotPII, "has a VVE (early childhood education) indication"),
		col("mentor", Text, Name, "mentor"),
		reqBlank(col("archived_at", Date, NotPII, "when the child was archived (left); empty while active")),
	}},
	{Name: "tracking_observations", System: "tracking", Doc: "One row per development observation; its content is not loaded.", Columns: []Column{
		req(col("tracking_child_id", Text, NotPII, "the child")),
		col("observed_at", Date, NotPII, "date of the observation"),
		col("author", Text, Name, "staff member"),
	}},
	{Name: "tracking_transfers", System: "tracking", Doc: "One row per transfer of data to a primary school.", Columns: []Column{
		req(col("tracking_child_id", Text, NotPII, "the child")),
		col("school", Text, NotPII, "receiving school"),
		col("sent_at", Date, NotPII, "date sent"),
		blankOK(col("consent_signed_at", Date, NotPII, "date the parents signed the written consent")),
		blankOK(col("consent_given", Bool, NotPII, "the parents gave written consent (yes/no), for an export that records no date; with a date too, the date counts")),
		col("channel", Text, NotPII, "how it was sent (KIJK!, e-mail, paper)"),
		col("vve_programme", Text, NotPII, "the VVE programme passed on (Kaleidoscoop, Piramide, ...); for a VVE child"),
		col("vve_duration", Text, NotPII, "how long the child followed it (e.g. 2 jaar, 18 maanden); for a VVE child"),
		col("contents", Text, NotPII, "what was passed on (overdrachtsformulier, observaties; or only the VVE programme and duration)"),
	}},
	{Name: "processors", System: "register", Doc: "The register of processors (verwerkers) and their agreements.", Columns: []Column{
		{Name: "system", Type: Text, Key: true, Required: true, Doc: "system or service name; matched case-insensitively with the products in the manifest"},
		col("vendor", Text, NotPII, "the processor"),
		col("purpose", Text, NotPII, "what the system is used for"),
		col("data_categories", Text, NotPII, "which personal data it holds"),
		blankOK(col("agreement_signed_at", Date, NotPII, "date the processor agreement was signed; empty if none")),
		blankOK(col("agreement_present", Bool, NotPII, "a signed processor agreement is present (yes/no), for a register that records no signing date")),
		blankOK(col("agreement_expires_at", Date, NotPII, "end date of the agreement; empty if open-ended")),
		col("certifications", Text, NotPII, "ISO 27001, NEN 7510, ..."),
		col("in_use", Bool, NotPII, "the system is in use; a register without this column lists systems in use"),
		col("sub_processors", Text, NotPII, "the sub-processors the processor engages (AVG art. 28 lid 2 and 4), comma separated"),
		col("data_location", Text, NotPII, "countries or regions where the data is stored or accessed, the sub-processors' included (Nederland, EU, VS, ...)"),
		col("transfer_mechanism", Text, NotPII, "the ground for a transfer outside the EEA: adequacy decision (EU-US Data Privacy Framework), standard contractual clauses, BCR (AVG art. 45–46)"),
		col("agreement_updated_at", Date, NotPII, "date the agreement was last brought in line with the AVG (art. 28 lid 3), e.g. an AVG addendum"),
	}},
	{Name: "staff", System: "register", Doc: "Staff members.", Columns: []Column{
		key("employee_id", "employee number"),
		col("name", Text, Name, "full name"),
		col("role", Text, NotPII, "function (pedagogisch medewerker, beheerder, administratie, ...)"),
		col("groups", Text, NotPII, "the groups the employee works in, comma separated"),
		col("employment_start", Date, NotPII, "start of employment"),
		col("employment_end", Date, NotPII, "end of employment; empty while employed"),
	}},
	{Name: "accounts", System: "register", Doc: "Accounts in the systems, one row per system and username.", Columns: []Column{
		{Name: "system", Type: Text, Required: true, ProductDefault: true, Doc: "system name; without a column for it, the product of the system the export is listed under (or values: {system: ...} in the manifest)"},
		req(col("username", Text, NotPII, "login name")),
		col("employee_id", Text, NotPII, "the employee behind the account; empty if shared"),
		col("access_scope", Text, NotPII, "own group, a list of groups, or all"),
		col("active", Bool, NotPII, "the account can log in"),
		col("last_login", Timestamp, NotPII, "last login"),
		col("mfa", Bool, NotPII, "the account logs in with a second factor (MFA, tweestapsverificatie); empty when the export does not say"),
	}},
	{Name: "requests", System: "register", Doc: "Requests from data subjects (inzage, correctie, verwijdering, ...).", Columns: []Column{
		rowKey("request_id", "request number"),
		col("type", Text, NotPII, "kind of request"),
		req(col("received_at", Date, NotPII, "date received")),
		col("extension_notified_at", Date, NotPII, "date the requester was told of an extension"),
		col("answered_at", Date, NotPII, "date answered"),
	}},
	{Name: "breaches", System: "register", Doc: "The data breach register.", Columns: []Column{
		rowKey("breach_id", "breach number"),
		req(col("discovered_at", Timestamp, NotPII, "when the organisation became aware")),
		col("reportable", Bool, NotPII, "must be reported to the Autoriteit Persoonsgegevens"),
		col("reported_to_ap_at", Timestamp, NotPII, "when reported to the AP"),
		freeText(col("late_reason", Text, NotPII, "the reasons a report to the AP later than 72 hours was late (art. 33 lid 1); empty if none were recorded")),
		col("high_risk", Bool, NotPII, "high risk for the people affected"),
		col("subjects_informed_at", Timestamp, NotPII, "when the people affected were informed"),
		col("subjects_informed", Bool, NotPII, "the people affected were informed (yes/no), for a register that records no date; with a date too, the date counts"),
		freeText(col("inform_exception", Text, NotPII, "why the people affected need not be informed despite a high risk (art. 34 lid 3, e.g. the data was encrypted); empty if none")),
		freeText(col("facts", Text, NotPII, "what happened (art. 33 lid 5: the facts)")),
		freeText(col("effects", Text, NotPII, "the consequences for the people affected")),
		freeText(col("measures", Text, NotPII, "the measures taken")),
	}},
	{Name: "social_posts", System: "register", Doc: "Posts on social media or the website showing a recognisable child.", Columns: []Column{
		rowNumber(req(col("post_id", Text, NotPII, "post id"))),
		reqBlank(col("child_id", Text, NotPII, "the child shown (admin child_id); blank for a post without a recognisable child; a cell with several ids is split with split: in the manifest")),
		col("posted_at", Date, NotPII, "date posted"),
		col("channel", Text, NotPII, "facebook, website, newsletter, ..."),
		col("written_consent", Bool, NotPII, "written consent for this channel is on file"),
		col("consent_reference", Text, NotPII, "reference to the signed consent form for this channel"),
	}},
	{Name: "processing_activities", System: "register", Doc: "The register of processing activities (AVG art. 30).", Columns: []Column{
		key("activity", "name of the processing activity"),
		col("purpose", Text, NotPII, "purpose of the processing"),
		col("legal_basis", Text, NotPII, "legal basis (AVG art. 6; art. 9 for special categories)"),
		col("data_categories", Text, NotPII, "categories of personal data (e.g. contact details, health data, camera images)"),
		col("data_subjects", Text, NotPII, "categories of people (children, parents, staff, applicants)"),
		col("systems", Text, NotPII, "the systems used, comma separated; matched case-insensitively with processors.system and the manifest's products"),
		col("recipients", Text, NotPII, "categories of recipients (art. 30 lid 1 sub d); \"geen\" when there are none"),
		col("transfers", Text, NotPII, "transfers to countries outside the EEA and their safeguards (art. 30 lid 1 sub e); \"geen\" when there are none"),
		col("retention", Text, NotPII, "retention period or rule"),
		col("security", Text, NotPII, "the technical and organisational security measures, or where they are described (art. 30 lid 1 sub g)"),
		col("dpia_reference", Text, NotPII, "reference to the DPIA; empty if none was done"),
	}},
	{Name: "onedrive_files", System: "register", Doc: "Inventory of documents on the file share (e.g. OneDrive): child files and income documents.", Columns: []Column{
		key("path", "path of the file or folder"),
		col("owner", Text, Name, "owner of the file"),
		col("modified_at", Timestamp, NotPII, "last modified"),
		col("sharing", Text, NotPII, "who it is shared with: private, organisation, link, external"),
		req(Column{Name: "category", Type: Enum, Values: FileCategories, Doc: "kind of document"}),
		col("child_id", Text, NotPII, "the child the document is about (admin_children.child_id)"),
	}},
	{Name: "applicants", System: "register", Doc: "Job applicants whose data is kept.", Columns: []Column{
		key("applicant_id", "applicant number"),
		col("name", Text, Name, "full name"),
		col("applied_at", Date, NotPII, "date of application"),
		reqBlank(col("procedure_ended_at", Date, NotPII, "end of the application procedure; empty while it runs")),
		col("keep_consent", Bool, NotPII, "the applicant consented to keeping the data longer (up to a year)"),
	}},
	{Name: "complaints", System: "register", Doc: "The complaints register.", Columns: []Column{
		rowKey("complaint_id", "complaint number"),
		col("received_at", Date, NotPII, "date received"),
		reqBlank(col("handled_at", Date, NotPII, "date the complaint was handled; empty while open")),
		freeText(col("subject", Text, NotPII, "what it is about")),
	}},
	{Name: "prk_links", System: "register", Doc: "The organisation's overview of the Personenregister Kinderopvang (PRK): everyone who works at the locations (staff, temps, interns, volunteers) with the dates they were linked to and unlinked from the organisation, and when they started and stopped working.", Columns: []Column{
		key("person_id", "employee number, or the organisation's own number for a temp, intern or volunteer; matched with staff.employee_id"),
		col("name", Text, Name, "full name"),
		{Name: "kind", Type: Enum, Values: PRKKinds, Doc: "staff, temp (uitzendkracht, invalkracht), intern (stagiair) or volunteer (vrijwilliger)"},
		col("work_start", Date, NotPII, "first day of work at the organisation; empty: staff.employment_start"),
		col("work_end", Date, NotPII, "last day of work; empty while working (or: staff.employment_end)"),
		reqBlank(col("linked_at", Date, NotPII, "date of the link (koppeling) to the organisation in the PRK; empty if not linked")),
		col("unlinked_at", Date, NotPII, "date the person was unlinked (ontkoppeld); empty while linked (DUO's overview of current links has no such column: everyone in it is linked)"),
	}},
	{Name: "devices", System: "register", Doc: "Devices that hold or open personal data (group iPads, laptops, phones), from an MDM export (Intune, Jamf, ...) or a register sheet.", Columns: []Column{
		key("device_id", "device name, asset tag or serial number"),
		col("kind", Text, NotPII, "iPad, laptop, phone, ..."),
		col("assigned_to", Text, NotPII, "the group, location or employee the device is used by"),
		col("encrypted", Bool, NotPII, "the storage is encrypted (FileVault, BitLocker, iOS data protection)"),
		col("passcode", Bool, NotPII, "a passcode, PIN or password is required to unlock it"),
		col("mdm_enrolled", Bool, NotPII, "enrolled in device management (MDM), so it can be locked and wiped remotely"),
		col("in_use", Bool, NotPII, "in use; no for a device taken out of use"),
		col("lost_at", Date, NotPII, "date the device was lost or stolen; empty if not"),
		col("breach_id", Text, NotPII, "the breach register entry (breaches.breach_id) of the loss; empty if none"),
	}},
	{Name: "staff_privacy", System: "register", Doc: "Per employee, the confidentiality statement and the privacy training (from the HR system or a register sheet).", Columns: []Column{
		key("employee_id", "employee number (staff.employee_id)"),
		reqBlank(col("confidentiality_signed_at", Date, NotPII, "date the confidentiality statement (geheimhoudingsverklaring) was signed; empty if not")),
		reqBlank(col("training_completed_at", Date, NotPII, "date of the last privacy (AVG) training or e-learning followed; empty if none")),
	}},
	{Name: "cameras", System: "register", Doc: "The register of cameras and webcams (cameratoezicht, webcams for parents).", Columns: []Column{
		key("camera_id", "camera name or number"),
		col("location", Text, NotPII, "childcare location and place (entree, groep, buitenspeelplaats)"),
		col("kind", Text, NotPII, "security camera, webcam for parents, ..."),
		col("purpose", Text, NotPII, "what the images are for"),
		col("retention_days", Decimal, NotPII, "how many days the recordings are kept; 0 for a live view without recording; empty if not recorded"),
		col("dpia_reference", Text, NotPII, "reference to the DPIA; empty if none was done"),
		col("works_council_consent", Text, NotPII, "date or reference of the works council's consent (OR/PVT instemming, WOR art. 27 lid 1 sub l); n.v.t. without a works council or staff representation"),
		col("in_use", Bool, NotPII, "the camera is in use"),
	}},
	{Name: "accepted_risks", System: "register", Doc: "The accepted-risk register: findings the organisation knowingly accepts, with who approved it and until when. avgaudit reports matching findings as accepted, not open.", Columns: []Column{
		req(col("check_id", Text, NotPII, "the check (its id, e.g. photo_without_consent)")),
		col("record_key", Text, NotPII, "the record key of the finding, or a pattern with * and ?; empty or * for every finding of the check"),
		req(col("justification", Text, NotPII, "why the risk is accepted")),
		col("legal_basis", Text, NotPII, "the legal basis or policy the acceptance rests on"),
		req(col("approved_by", Text, NotPII, "who approved it (a role or a name)")),
		req(col("approved_on", Date, NotPII, "date of approval")),
		req(col("expires_on", Date, NotPII, "date the acceptance ends; after it the findings are open again")),
	}},
}

var byName = func() map[string]*Table {
	m := make(map[string]*Table, len(Tables))
	for i := range Tables {
		m[Tables[i].Name] = &Tables[i]
	}
	return m
}()

// Lookup returns the canonical table with the given name.
func Lookup(name string) (*Table, bool) {
	t, ok := byName[name]
	return t, ok
}

// TableNames lists the canonical tables of a system (all systems if empty), sorted.
func TableNames(system string) []string {
	var names []string
	for _, t := range Tables {
		if system == "" || t.System == system {
			names = append(names, t.Name)
		}
	}
	sort.Strings(names)
	return names
}

// Column returns the column with the given name.
func (t *Table) Column(name string) (*Column, bool) {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i], true
		}
	}
	return nil, false
}

// ColumnNames lists the table's columns in model order.
func (t *Table) ColumnNames() []string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return names
}

// KeyColumns lists the columns of the primary key (empty if the table has none).
func (t *Table) KeyColumns() []string {
	var keys []string
	for _, c := range t.Columns {
		if c.Key {
			keys = append(keys, c.Name)
		}
	}
	return keys
}

// CreateSQL is the DuckDB statement that creates the table with its
// provenance columns. Keys are not declared as constraints: the loader
// reports duplicates as rejected rows instead of failing the whole load.
func (t *Table) CreateSQL() string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (", t.Name)
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", c.Name, c.Type.SQLType())
	}
	fmt.Fprintf(&b, ", %s VARCHAR NOT NULL, %s BIGINT NOT NULL)", FileColumn, RowColumn)
	return b.String()
}

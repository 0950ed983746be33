package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/avgaudit/avgaudit/model"
	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"
)

// committed is the sample organisation as checked in, relative to this package.
const (
	committed = "../org"
	readmeMD  = "../README.md"
)

// TestCommittedMatchesGenerator regenerates the organisation and requires the
// committed files to be what the generator writes today: text files byte for
// byte, workbooks cell for cell (excelize's zip bytes are not stable), and
// the generated README blocks word for word.
func TestCommittedMatchesGenerator(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "org")
	o, stats, prev, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, got := listFiles(t, dir), listFiles(t, committed)
	if !slices.Equal(want, got) {
		t.Fatalf("files differ; run go generate ./samples\n generated: %v\n committed: %v", want, got)
	}
	for _, rel := range want {
		a, b := filepath.Join(dir, rel), filepath.Join(committed, rel)
		if strings.HasSuffix(rel, ".xlsx") {
			compareWorkbooks(t, rel, a, b)
			continue
		}
		da, _ := os.ReadFile(a)
		db, _ := os.ReadFile(b)
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs from the generator's output; run go generate ./samples", rel)
		}
	}
	readme, err := os.ReadFile(readmeMD)
	if err != nil {
		t.Fatal(err)
	}
	for _, bl := range o.readmeBlocks(stats, prev) {
		if got := readmeBlock(t, string(readme), bl.Name); got != bl.Body {
			t.Errorf("README block %s is stale; run go generate ./samples\n--- want\n%s--- got\n%s", bl.Name, bl.Body, got)
		}
	}
}

// TestDeterministic builds twice and compares the bookkeeping.
func TestDeterministic(t *testing.T) {
	a, b := build().readmeBlocks(nil, nil), build().readmeBlocks(nil, nil)
	if !slices.Equal(a, b) {
		t.Fatal("two builds differ")
	}
}

func listFiles(t *testing.T, root string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

func compareWorkbooks(t *testing.T, rel, a, b string) {
	t.Helper()
	fa, err := excelize.OpenFile(a)
	if err != nil {
		t.Fatal(err)
	}
	defer fa.Close()
	fb, err := excelize.OpenFile(b)
	if err != nil {
		t.Fatal(err)
	}
	defer fb.Close()
	if !slices.Equal(fa.GetSheetList(), fb.GetSheetList()) {
		t.Errorf("%s: sheets %v, committed %v", rel, fa.GetSheetList(), fb.GetSheetList())
		return
	}
	for _, sh := range fa.GetSheetList() {
		for _, raw := range []bool{false, true} {
			ra, err := fa.GetRows(sh, excelize.Options{RawCellValue: raw})
			if err != nil {
				t.Fatal(err)
			}
			rb, err := fb.GetRows(sh, excelize.Options{RawCellValue: raw})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(ra, rb, slices.Equal) {
				t.Errorf("%s sheet %q (raw=%v) differs from the generator's output; run go generate ./samples", rel, sh, raw)
			}
		}
	}
}

func readmeBlock(t *testing.T, s, name string) string {
	t.Helper()
	start, end := "<!-- "+name+":start -->\n", "<!-- "+name+":end -->"
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README has no block %s", name)
	}
	return s[i+len(start) : j]
}

// ------------------------------------------------------------ identifiers

func TestChecksums(t *testing.T) {
	if !bsnValid("111222333") || bsnValid("123456789") || bsnValid("000000000") {
		t.Fatal("bsnValid is wrong on the reference values")
	}
	if !ibanValid("NL91ABNA0417164300") || ibanValid("NL92ABNA0417164300") {
		t.Fatal("ibanValid is wrong on the reference values")
	}
	n := map[string]int{}
	typo := map[string]bool{}
	for _, c := range build().Children {
		typo[c.TypedBSN] = c.TypedBSN != ""
	}
	for _, f := range []string{"kidsadmin/kinderen.csv", "kidsadmin/ouders.csv"} {
		header, rows := readDelimited(t, filepath.Join(committed, f), ';')
		for c, h := range header {
			for i, row := range rows {
				v := row[c]
				switch {
				case v == "":
				case strings.HasPrefix(h, "BSN"):
					n["bsn"]++
					if !bsnValid(v) && !typo[v] {
						t.Errorf("%s row %d: BSN %s fails the 11-check", f, i+2, v)
					}
				case h == "IBAN":
					n["iban"]++
					if !ibanValid(v) {
						t.Errorf("%s row %d: IBAN %s fails mod 97", f, i+2, v)
					}
				}
			}
		}
	}
	if n["bsn"] < 100 || n["iban"] < 100 {
		t.Errorf("too few identifiers checked: %v", n)
	}
}

// ------------------------------------------------------------ manifest and loading

type manifestFile struct {
	File      string                       `yaml:"file"`
	Sheet     string                       `yaml:"sheet"`
	Table     string                       `yaml:"table"`
	Delimiter string                       `yaml:"delimiter"`
	Columns   map[string]string            `yaml:"columns"`
	Values    map[string]map[string]string `yaml:"values"`
}

type manifestDoc struct {
	Version      int    `yaml:"version"`
	Organisation string `yaml:"organisation"`
	AsOf         string `yaml:"as_of"`
	Policy       string `yaml:"policy"`
	Previous     string `yaml:"previous"`
	Systems      map[string]struct {
		Product string         `yaml:"product"`
		Files   []manifestFile `yaml:"files"`
	} `yaml:"systems"`
}

func readManifest(t *testing.T) manifestDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(committed, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m manifestDoc
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func readDelimited(t *testing.T, path string, comma rune) ([]string, [][]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = comma
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs[0], recs[1:]
}

func readExport(t *testing.T, f manifestFile) ([]string, [][]string) {
	t.Helper()
	path := filepath.Join(committed, filepath.FromSlash(f.File))
	if !strings.HasSuffix(f.File, ".xlsx") {
		return readDelimited(t, path, []rune(f.Delimiter)[0])
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(f.Sheet)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	var out [][]string
	for _, r := range rows[1:] {
		for len(r) < len(header) {
			r = append(r, "")
		}
		out = append(out, r)
	}
	return header, out
}

type record map[string]string

// loadAll loads every table the manifest names, mapping headers and values
// the way the manifest says.
func loadAll(t *testing.T, m manifestDoc) map[string][]record {
	t.Helper()
	tables := map[string][]record{}
	for _, sys := range m.Systems {
		for _, f := range sys.Files {
			header, rows := readExport(t, f)
			for _, row := range rows {
				rec := record{}
				for c, h := range header {
					canon, ok := f.Columns[h]
					if !ok {
						continue
					}
					v := strings.TrimSpace(row[c])
					if mapped, ok := f.Values[canon][v]; ok {
						v = mapped
					}
					rec[canon] = v
				}
				tables[f.Table] = append(tables[f.Table], rec)
			}
		}
	}
	return tables
}

// insteadOf are canonical columns that exports have in place of another,
// which the sample has.
var insteadOf = map[string]string{
	"tracking_transfers.consent_given": "consent_signed_at",
	"processors.agreement_present":     "agreement_signed_at",
	"breaches.subjects_informed":       "subjects_informed_at",
}

func TestManifestMapsModel(t *testing.T) {
	m := readManifest(t)
	if m.Version != 1 || m.Organisation != organisation || m.AsOf != "2026-09-01" || m.Policy != "policy.yaml" {
		t.Errorf("manifest head: %+v", m)
	}
	seen := map[string]bool{}
	for key, sys := range m.Systems {
		for _, f := range sys.Files {
			tab, ok := model.Lookup(f.Table)
			if !ok {
				t.Errorf("%s: unknown table %s", f.File, f.Table)
				continue
			}
			if tab.System != key {
				t.Errorf("%s: table %s belongs to %s, listed under %s", f.File, f.Table, tab.System, key)
			}
			seen[f.Table] = true
			header, rows := readExport(t, f)
			mapped := map[string]bool{}
			for h, canon := range f.Columns {
				if !slices.Contains(header, h) {
					t.Errorf("%s %s: mapped header %q not in the export", f.File, f.Sheet, h)
				}
				if _, ok := tab.Column(canon); !ok {
					t.Errorf("%s %s: %q maps to unknown column %s.%s", f.File, f.Sheet, h, f.Table, canon)
				}
				mapped[canon] = true
			}
			for _, c := range tab.Columns {
				// A yes/no kept instead of a date: the sample has the date.
				if alt := insteadOf[f.Table+"."+c.Name]; alt != "" && mapped[alt] {
					continue
				}
				if !mapped[c.Name] {
					t.Errorf("%s %s: canonical column %s.%s not mapped", f.File, f.Sheet, f.Table, c.Name)
				}
			}
			for _, h := range header {
				if _, ok := f.Columns[h]; !ok {
					if _, clash := tab.Column(h); clash {
						t.Errorf("%s: unmapped header %q is a canonical name and would be loaded", f.File, h)
					}
				}
			}
			// Enum columns: every export value must map to an allowed value.
			for h, canon := range f.Columns {
				c, _ := tab.Column(canon)
				if c == nil || c.Type != model.Enum {
					continue
				}
				i := slices.Index(header, h)
				for _, row := range rows {
					v := f.Values[canon][row[i]]
					if row[i] == "" && !c.Required {
						continue // an empty optional cell loads as NULL
					}
					if !slices.Contains(c.Values, v) {
						t.Errorf("%s %s: %q in %s has no mapping to %v", f.File, f.Sheet, row[i], h, c.Values)
						break
					}
				}
			}
		}
	}
	for _, tab := range model.Tables {
		if !seen[tab.Name] {
			t.Errorf("no export for table %s", tab.Name)
		}
	}
}

// ------------------------------------------------------------ the re-derived checks, independently

func parseWhen(s string) (time.Time, bool) {
	for _, layout := range []string{"02-01-2006 15:04", "02-01-2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func mustWhen(t *testing.T, s string) time.Time {
	t.Helper()
	w, ok := parseWhen(s)
	if !ok {
		t.Fatalf("unparsable date %q", s)
	}
	return w
}

func truthy(s string) bool {
	switch strings.ToLower(s) {
	case "ja", "yes", "true", "1", "x":
		return true
	}
	return false
}

type policyDoc struct {
	Retention struct {
		PortalMonths     int `yaml:"portal_months"`
		TrackingMonths   int `yaml:"tracking_months"`
		AdminBSNMonths   int `yaml:"admin_bsn_months"`
		AdminRecordYears int `yaml:"admin_record_years"`
		InvoiceYears     int `yaml:"invoice_years"`
	} `yaml:"retention"`
}

// findings applies the re-derived checks' documented semantics to the loaded
// exports and returns "check|table|key" strings.
func findings(t *testing.T) []string {
	m := readManifest(t)
	tables := loadAll(t, m)
	asOf := mustWhen(t, m.AsOf)
	var pol policyDoc
	data, err := os.ReadFile(filepath.Join(committed, m.Policy))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &pol); err != nil {
		t.Fatal(err)
	}
	p := pol.Retention
	var out []string
	add := func(check, table, key string) { out = append(out, check+"|"+table+"|"+key) }

	// photo_without_consent
	consents := map[string][]record{}
	for _, c := range tables["portal_consents"] {
		if c["consent_type"] == "photo_portal" {
			consents[c["portal_child_id"]] = append(consents[c["portal_child_id"]], c)
		}
	}
	for _, ph := range tables["portal_photos"] {
		posted := mustWhen(t, ph["posted_at"])
		if !strings.Contains(ph["posted_at"], ":") {
			posted = posted.Add(24*time.Hour - time.Second) // a date without a time: the end of that day
		}
		var eff record
		var effAt time.Time
		for _, c := range consents[ph["portal_child_id"]] {
			var rec time.Time // empty: before everything
			if c["recorded_at"] != "" {
				rec = mustWhen(t, c["recorded_at"])
			}
			if rec.After(posted) {
				continue
			}
			if eff == nil || rec.After(effAt) {
				eff, effAt = c, rec
			}
		}
		if eff == nil || !truthy(eff["granted"]) || (eff["withdrawn_at"] != "" && !mustWhen(t, eff["withdrawn_at"]).After(posted)) {
			add(chkPhoto, "portal_photos", ph["photo_id"]+"/"+ph["portal_child_id"])
		}
	}

	// retention_admin, retention_portal, retention_tracking, retention_invoices
	admin := map[string]record{}
	for _, c := range tables["admin_children"] {
		admin[c["child_id"]] = c
		if c["care_end"] == "" {
			continue
		}
		end := mustWhen(t, c["care_end"])
		// Until 31 December of the 7th year after the year care ended; the
		// BSN earlier only under an own, stricter policy.
		if asOf.After(time.Date(end.Year()+p.AdminRecordYears, 12, 31, 0, 0, 0, 0, time.UTC)) {
			add(chkRetAdmin, "admin_children", c["child_id"])
		} else if p.AdminBSNMonths > 0 && c["bsn"] != "" && asOf.After(end.AddDate(0, p.AdminBSNMonths, 0)) {
			add(chkRetAdmin, "admin_children", c["child_id"])
		}
	}
	linkedEnd := func(childID, own string) (time.Time, bool) {
		if a, ok := admin[childID]; childID != "" && ok {
			if a["care_end"] == "" {
				return time.Time{}, false
			}
			return mustWhen(t, a["care_end"]), true
		}
		if own == "" {
			return time.Time{}, false
		}
		return mustWhen(t, own), true
	}
	for _, c := range tables["portal_children"] {
		if end, ok := linkedEnd(c["child_id"], c["placement_end"]); ok && asOf.After(end.AddDate(0, p.PortalMonths, 0)) {
			add(chkRetPortal, "portal_children", c["portal_child_id"])
		}
	}
	for _, c := range tables["tracking_children"] {
		end, ok := linkedEnd(c["child_id"], c["archived_at"])
		// The same answer whether a linked child's end comes from Kidsadmin
		// or from KIJK!'s own archived_at: the sample avoids the difference.
		if own, has := parseWhen(c["archived_at"]); has && ok &&
			asOf.After(end.AddDate(0, p.TrackingMonths, 0)) != asOf.After(own.AddDate(0, p.TrackingMonths, 0)) {
			t.Errorf("tracking child %s: linked and own end disagree", c["tracking_child_id"])
		}
		if ok && asOf.After(end.AddDate(0, p.TrackingMonths, 0)) {
			add(chkRetTracking, "tracking_children", c["tracking_child_id"])
		}
	}
	for _, inv := range tables["admin_invoices"] {
		y := mustWhen(t, inv["invoice_date"]).Year()
		if asOf.After(time.Date(y+p.InvoiceYears, 12, 31, 0, 0, 0, 0, time.UTC)) {
			add(chkRetInvoices, "admin_invoices", inv["invoice_id"])
		}
	}

	// processor_agreement_missing
	norm := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	register := map[string]record{}
	var inUse []string
	for _, r := range tables["processors"] {
		register[norm(r["system"])] = r
		if truthy(r["in_use"]) {
			inUse = append(inUse, r["system"])
		}
	}
	for _, key := range []string{"admin", "portal", "tracking"} {
		inUse = append(inUse, m.Systems[key].Product)
	}
	done := map[string]bool{}
	for _, name := range inUse {
		n := norm(name)
		if done[n] {
			continue
		}
		done[n] = true
		r, ok := register[n]
		switch {
		case !ok:
			add(chkProcessor, "processors", strings.TrimSpace(name))
		case r["agreement_signed_at"] == "",
			r["agreement_expires_at"] != "" && mustWhen(t, r["agreement_expires_at"]).Before(asOf):
			add(chkProcessor, "processors", strings.TrimSpace(r["system"]))
		}
	}
	slices.Sort(out)
	return out
}

func readmeRows(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(readmeMD)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for i, line := range strings.Split(strings.TrimSpace(readmeBlock(t, string(data), name)), "\n") {
		if i < 2 {
			continue // header and separator
		}
		f := strings.Split(line, "|")
		if len(f) != 6 {
			t.Fatalf("README %s: bad row %q", name, line)
		}
		rows = append(rows, strings.TrimSpace(f[1])+"|"+strings.TrimSpace(f[2])+"|"+strings.TrimSpace(f[3]))
	}
	slices.Sort(rows)
	return rows
}

// rederived are the checks whose findings findings() derives independently;
// the others rely on the generator's bookkeeping and on cli's end-to-end
// test, which runs the real checks on the sample.
var rederived = []string{chkPhoto, chkRetPortal, chkRetTracking, chkRetAdmin, chkRetInvoices, chkProcessor}

func rowCheck(row string) string { return strings.SplitN(row, "|", 2)[0] }

// recordKey gives a loaded record's key as the checks write it, or "" for a
// table whose findings are about something else (an export column).
func recordKey(table string, r record) string {
	keys := map[string][]string{
		"admin_children": {"child_id"}, "admin_invoices": {"invoice_id"}, "portal_children": {"portal_child_id"},
		"tracking_children": {"tracking_child_id"}, "processors": {"system"}, "portal_photos": {"photo_id", "portal_child_id"},
		"portal_consents": {"portal_child_id", "consent_type", "_recorded"}, "portal_guardians": {"portal_child_id", "_n"},
		"portal_notes": {"note_id"}, "accounts": {"system", "username"}, "tracking_transfers": {"tracking_child_id", "sent_at"},
		"staff": {"employee_id"}, "requests": {"request_id"}, "breaches": {"breach_id"}, "social_posts": {"post_id", "child_id"},
		"processing_activities": {"activity"}, "onedrive_files": {"path"}, "applicants": {"applicant_id"}, "complaints": {"complaint_id"},
		"prk_links": {"person_id"}, "devices": {"device_id"}, "cameras": {"camera_id"}, "staff_privacy": {"employee_id"},
	}[table]
	var parts []string
	for _, k := range keys {
		if r[k] != "" || k[0] != '_' {
			parts = append(parts, r[k])
		}
	}
	return strings.Join(parts, "/")
}

// addKeyParts adds the key parts the checks compute: a consent's recording
// time as yyyy-mm-dd hh:mm, a portal parent's place among the child's parents.
func addKeyParts(t *testing.T, tables map[string][]record) {
	t.Helper()
	for _, r := range tables["portal_consents"] {
		if r["recorded_at"] != "" {
			r["_recorded"] = mustWhen(t, r["recorded_at"]).Format("2006-01-02 15:04")
		}
	}
	n := map[string]int{}
	for _, r := range tables["portal_guardians"] {
		n[r["portal_child_id"]]++
		r["_n"] = fmt.Sprint(n[r["portal_child_id"]])
	}
}

// TestExpectedFindings re-reads the committed exports, applies the
// re-derived checks' semantics independently of the generator's
// bookkeeping, and requires exactly the findings the README lists for them
// and none of their must-not rows.
func TestExpectedFindings(t *testing.T) {
	got := findings(t)
	var want []string
	for _, w := range readmeRows(t, "expected-findings") {
		if slices.Contains(rederived, rowCheck(w)) {
			want = append(want, w)
		}
	}
	if !slices.Equal(got, want) {
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("expected finding not produced: %s", w)
			}
		}
		for _, g := range got {
			if !slices.Contains(want, g) {
				t.Errorf("unexpected finding: %s", g)
			}
		}
	}
	for _, a := range readmeRows(t, "expected-absent") {
		if slices.Contains(got, a) {
			t.Errorf("must-not row is found: %s", a)
		}
	}
}

// TestPlantedRecordsExist requires every check of the catalogue to have at
// least one expected finding, and every expected and must-not row to name a
// record of the committed exports (or, for the checks about export columns,
// a header).
func TestPlantedRecordsExist(t *testing.T) {
	m := readManifest(t)
	tables := loadAll(t, m)
	addKeyParts(t, tables)
	headers := map[string][]string{}
	for _, sys := range m.Systems {
		for _, f := range sys.Files {
			h, _ := readExport(t, f)
			headers[f.Table] = append(headers[f.Table], h...)
		}
	}
	expected := readmeRows(t, "expected-findings")
	for _, c := range checkOrder {
		if !slices.ContainsFunc(expected, func(r string) bool { return rowCheck(r) == c }) {
			t.Errorf("check %s has no expected finding in the sample", c)
		}
	}
	for _, row := range append(expected, readmeRows(t, "expected-absent")...) {
		f := strings.Split(row, "|")
		if !slices.Contains(checkOrder, f[0]) {
			t.Errorf("README row of an unknown check: %s", row)
		}
		switch {
		case strings.Contains(f[2], "*****"):
			continue // a masked BSN
		case f[0] == chkBSNOutside || f[0] == chkSpecial && f[1] != "portal_notes":
			if !slices.Contains(headers[f[1]], f[2]) {
				t.Errorf("README row names no export column: %s", row)
			}
			continue
		}
		exists := f[1] == "processors" && m.Systems["tracking"].Product == f[2] // a product missing from the register
		for _, r := range tables[f[1]] {
			exists = exists || recordKey(f[1], r) == f[2]
		}
		if !exists {
			t.Errorf("README row names no record: %s", row)
		}
	}
}

func TestSplitPrefix(t *testing.T) {
	for _, tt := range []struct{ last, prefix, name string }{
		{"de Vries", "de", "Vries"},
		{"van den Berg", "van den", "Berg"},
		{"Jansen", "", "Jansen"},
		{"El Amrani", "", "El Amrani"},
		{"de Bruin", "de", "Bruin"},
	} {
		if p, n := splitPrefix(tt.last); p != tt.prefix || n != tt.name {
			t.Errorf("splitPrefix(%q) = %q, %q, want %q, %q", tt.last, p, n, tt.prefix, tt.name)
		}
	}
}

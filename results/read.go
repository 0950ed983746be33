package results

import (
	"encoding/json"
	"github.com/avgaudit/avgaudit/vocab"
	"io"
	"time"
)

// Read reads a results file written by any version of avgaudit that this
// one understands: schema version 1 (reject reasons and policy
// explanations in one language) is converted, version 2 is read as it is.
// A newer version, a management summary (which holds no findings) or a
// file that is not avgaudit results at all gives an error that says what
// the file is and what to use instead.
func Read(r io.Reader) (*Run, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var head struct {
		SchemaVersion *int   `json:"schema_version"`
		Audience      string `json:"audience"`
		Tool          Tool   `json:"tool"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, vocab.Errorf("geen resultatenbestand van avgaudit (resultaten.json): %w", "not a results file of avgaudit (resultaten.json): %w", err)
	}
	switch {
	case head.SchemaVersion == nil:
		return nil, vocab.Errorf("geen resultatenbestand van avgaudit (resultaten.json): het heeft geen schema_version", "not a results file of avgaudit (resultaten.json): it has no schema_version")
	case *head.SchemaVersion > SchemaVersion:
		return nil, vocab.Errorf("geschreven door %s met versie %d van het resultatenschema; deze avgaudit leest versie 1 tot en met %d: werk avgaudit bij",
			"written by %s with results schema version %d; this avgaudit reads versions 1 to %d: update avgaudit",
			orUnknown(tool(head.Tool)), *head.SchemaVersion, SchemaVersion)
	case *head.SchemaVersion < 1:
		return nil, vocab.Errorf("versie %d van het resultatenschema bestaat niet; is dit een resultatenbestand van avgaudit?", "results schema version %d does not exist; is this a results file of avgaudit?", *head.SchemaVersion)
	case head.Audience == AudienceManagement:
		return nil, vocab.Errorf("dit is een samenvatting voor het bestuur, zonder bevindingen; gebruik resultaten.json (risicoanalyse) of resultaten-fg.json van dezelfde run", "this is a management summary, which holds no findings; use resultaten.json (risk analysis) or resultaten-fg.json of the same run")
	}
	run := &Run{}
	if *head.SchemaVersion == 1 {
		run, err := readV1(data)
		if err != nil {
			return nil, err
		}
		setDates(run)
		return run, nil
	}
	// Fields this version does not know are ignored: a change an older
	// reader could misread bumps SchemaVersion, so an added field within a
	// version is safe to ignore.
	if err := json.Unmarshal(data, run); err != nil {
		return nil, vocab.Wrapf(err, "versie %d van het resultatenschema", "results schema version %d", *head.SchemaVersion)
	}
	setDates(run)
	return run, nil
}

// setDates gives run and the run it was compared with their dates.
func setDates(run *Run) {
	run.Date = parseDate(run.AsOf)
	if run.Previous != nil {
		run.Previous.Date = parseDate(run.Previous.AsOf)
	}
}

// parseDate is the date s (YYYY-MM-DD), zero when it is none: a results
// file's as_of is checked where it matters (trend.CanCompare).
func parseDate(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return d
}

// readV1 converts schema version 1: it had no audience (it was the full
// report, record keys unpseudonymised), and reject reasons and policy
// explanations were one text each.
func readV1(data []byte) (*Run, error) {
	var v1 struct {
		Run
		Policy []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
			Doc   string `json:"doc"`
		} `json:"policy"`
		Rejects []struct {
			File   string `json:"file"`
			Sheet  string `json:"sheet,omitempty"`
			Row    int    `json:"row"`
			Column string `json:"column"`
			Value  string `json:"value"`
			Reason string `json:"reason"`
		} `json:"rejects"`
	}
	if err := json.Unmarshal(data, &v1); err != nil {
		return nil, vocab.Wrapf(err, "versie 1 van het resultatenschema", "results schema version 1")
	}
	run := v1.Run
	run.Audience = AudienceFG
	run.Policy = make([]Param, len(v1.Policy))
	for i, p := range v1.Policy {
		run.Policy[i] = Param{Name: p.Name, Value: p.Value, Doc: Text{NL: p.Doc, EN: p.Doc}}
	}
	run.Rejects = make([]Reject, len(v1.Rejects))
	for i, r := range v1.Rejects {
		run.Rejects[i] = Reject{File: r.File, Sheet: r.Sheet, Row: r.Row, Column: r.Column, Value: r.Value,
			Reason: Text{NL: r.Reason, EN: r.Reason}}
	}
	return &run, nil
}

func tool(t Tool) string {
	if t.Version == "" {
		return t.Name
	}
	return t.Name + " " + t.Version
}

func orUnknown(s string) string {
	if s == "" {
		return "an unknown program"
	}
	return s
}

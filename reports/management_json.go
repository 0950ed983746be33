package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
)

// mgmtJSON is resultaten-bestuur.json: the summary of audience.Management
// (docs/management-schema.md) and the conclusion paragraph in both
// languages.
type mgmtJSON struct {
	*audience.Summary
	Conclusion results.Text `json:"conclusion"`
}

// ManagementJSONReporter writes resultaten-bestuur.json.
type ManagementJSONReporter struct{}

// Write writes the management summary as JSON, indented by two spaces and
// ending in a newline. Like resultaten.json it holds both languages;
// opt.Lang is only checked.
func (ManagementJSONReporter) Write(w io.Writer, s *audience.Summary, opt Options) error {
	if _, err := labelsFor(opt); err != nil {
		return err
	}
	if s == nil {
		return errNoSummary
	}
	out := mgmtJSON{Summary: s}
	for _, lang := range []string{"nl", "en"} {
		t, err := mgmtTextFor(Options{Lang: lang})
		if err != nil {
			return err
		}
		text := t.conclusion(out.Summary)
		if lang == "nl" {
			out.Conclusion.NL = text
		} else {
			out.Conclusion.EN = text
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "< 5" stays "< 5"
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write management json: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write management json: %w", err)
	}
	return nil
}

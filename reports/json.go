package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/results"
)

// JSONReporter writes resultaten.json: the run as documented in
// docs/results-schema.md, indented by two spaces, ending in a newline.
// The language option does not apply: the file holds both languages.
type JSONReporter struct{}

// Write writes d's run as JSON.
func (JSONReporter) Write(w io.Writer, d audience.Detailed, opt Options) error {
	if _, err := labelsFor(opt); err != nil {
		return err
	}
	run, err := d.Run("")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// The file is read by programs and people, not embedded in HTML:
	// "<" stays "<" rather than "\u003c".
	enc.SetEscapeHTML(false)
	if err := enc.Encode(run); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// ReadJSON reads a run written by JSONReporter, of this or an older schema
// version (see results.Read).
func ReadJSON(r io.Reader) (*results.Run, error) {
	run, err := results.Read(r)
	if err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	return run, nil
}

package reports

import (
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
	return writeRunJSON(w, run)
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

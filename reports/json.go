package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/avgaudit/avgaudit/results"
)

// JSONReporter writes resultaten.json: the run as documented in
// docs/results-schema.md, indented by two spaces, ending in a newline.
// The language option does not apply: the file holds both languages.
type JSONReporter struct{}

// Write writes run as JSON.
func (JSONReporter) Write(w io.Writer, run *results.Run, opt Options) error {
	if _, err := labelsFor(opt); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	// The file is read by programs and people, not embedded in HTML:
	// "<" stays "<" rather than "\u003c".
	enc.SetEscapeHTML(false)
	if err := enc.Encode(prepare(run)); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// ReadJSON reads a run written by JSONReporter. It refuses a file whose
// schema_version it does not know, naming both versions, rather than
// misread it.
//
// Fields it does not know are ignored: a change that an older reader could
// misread bumps results.SchemaVersion, so an added field within the same
// version is one that is safe to ignore.
func ReadJSON(r io.Reader) (*results.Run, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	var head struct {
		SchemaVersion *int `json:"schema_version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("read results: not a results file: %w", err)
	}
	switch v := head.SchemaVersion; {
	case v == nil:
		return nil, errors.New("read results: no schema_version: not a results file of avgaudit")
	case *v > results.SchemaVersion:
		return nil, fmt.Errorf("read results: schema_version %d is newer than this avgaudit "+
			"reads (%d): update avgaudit, or read the file with the version that wrote it",
			*v, results.SchemaVersion)
	case *v != results.SchemaVersion:
		return nil, fmt.Errorf("read results: unknown schema_version %d: this avgaudit reads "+
			"schema_version %d", *v, results.SchemaVersion)
	}
	var run results.Run
	if err := json.Unmarshal(data, &run); err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	return &run, nil
}

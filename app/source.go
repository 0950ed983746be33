package app

import (
	"io/fs"
	"os"
	"time"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/samples"
	"github.com/avgaudit/avgaudit/vocab"
)

// Source is what every command that loads the exports shares: where they
// are, the reference date and the password of protected workbooks.
type Source struct {
	// Dir is SOURCE_DIR; empty for the sample organisation built into
	// avgaudit.
	Dir string
	// AsOf is the reference date; zero for the manifest's as_of, else Today.
	AsOf  time.Time
	Today time.Time
	// PasswordFile holds the password of protected workbooks (first line).
	PasswordFile string
	// Recognised, when not nil, is told what was recognised in a folder
	// without a manifest.
	Recognised func(*profiles.Proposal)
	// Progress, when not nil, shows how far the loading of each file is
	// (see TerminalProgress).
	Progress ingest.Progress
}

// Sample says whether the source is the built-in sample organisation.
func (s Source) Sample() bool { return s.Dir == "" }

// auditOptions are the audit options of the source.
func (s Source) auditOptions() (audit.Options, error) {
	opt := audit.Options{Today: s.Today, Recognised: s.Recognised, Progress: s.Progress, AsOf: s.AsOf}
	if s.PasswordFile != "" {
		pw, err := readPassword(s.PasswordFile)
		if err != nil {
			return opt, Usage(vocab.Wrapf(err, "--password-file", "--password-file"))
		}
		opt.Password = pw
	}
	if s.Dir == "" {
		sub, err := fs.Sub(samples.Org, "org")
		if err != nil {
			return opt, err
		}
		opt.Source, opt.Dir = sub, "."
		return opt, nil
	}
	if st, err := os.Stat(s.Dir); err != nil || !st.IsDir() {
		return opt, Usage2f("SOURCE_DIR %q is not a directory", "BRONMAP %q is geen map", s.Dir)
	}
	opt.Source, opt.Dir = ingest.OSDir(s.Dir), "."
	return opt, nil
}

// Package app is avgaudit's application layer: it runs the commands (an
// audit, a spot-check sample, the recognition of a folder of exports) and
// writes their outputs — the reports of each audience as one set with
// rollback, the pseudonym key, the history of earlier audits, the sample's
// checklist, the manifest — and returns what happened. It never prints:
// package cli parses the command line, prints the outcome and maps the
// errors below to exit codes.
package app

import (
	"errors"
	"os"
	"strings"

	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// Version is avgaudit's version.
const Version = audit.Version

// ErrFindings is returned, with the outcome, by an audit with
// FailOnFindings when checks found open issues (findings not covered by an
// accepted risk). The reports were written.
var ErrFindings = vocab.Errorf("controles vonden problemen", "checks found issues")

// ErrUsage marks errors in what the user asked for (an option's value, a
// file that exists and may not be overwritten): the command line is wrong,
// not the data.
var ErrUsage = errors.New("usage")

// RejectsError is returned when input rows could not be loaded and the
// audit is strict: no report is written.
type RejectsError = audit.RejectsError

// MaxKeptRejects is how many rejected rows per file a run lists.
const MaxKeptRejects = ingest.MaxKeptRejects

// SourceError is an error in loading or auditing the exports themselves
// (not in the options or in writing the outputs): the command line names
// the source before it.
type SourceError struct{ Err error }

func (e *SourceError) Error() string { return e.Err.Error() }
func (e *SourceError) Unwrap() error { return e.Err }

// usageError is a mistake in the command line, in Dutch and English.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// Unwrap returns ErrUsage and the message's own error.
func (e usageError) Unwrap() []error { return []error{ErrUsage, e.err} }

// In is the message in lang (see vocab.Message).
func (e usageError) In(lang string) string { return vocab.Message(e.err, lang) }

// Usage marks err, a message in Dutch and English (vocab.Errorf), as a
// mistake in the command line: it wraps ErrUsage.
func Usage(err error) error { return usageError{err} }

// Usage2f is an error that wraps ErrUsage, in English (en) and Dutch (nl),
// both formats taking args (see vocab.Errorf, which takes Dutch first).
func Usage2f(en, nl string, args ...any) error {
	return usageError{vocab.Errorf(nl, en, args...)}
}

// Closest is the option nearest to name in spelling, when name is likely a
// typo of it ("audti" for audit); "" otherwise.
func Closest(name string, options []string) string { return manifest.Closest(name, options) }

// MaskBSNs masks every citizen service number in a message for the user:
// input errors may quote a value from the exports.
func MaskBSNs(s string) string { return values.MaskBSNsInText(s) }

// TerminalProgress shows the loading of each file on the terminal f (nil,
// so no progress, unless f is one and quiet is false).
func TerminalProgress(f *os.File, quiet bool, lang string) ingest.Progress {
	return ingest.TerminalProgressIn(f, quiet, lang)
}

// readPassword reads a password file: its first line, without the line end
// (editors add one). The password itself never appears in a message.
func readPassword(name string) (string, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return "", vocab.Wrapf(err, "lees het wachtwoordbestand", "read the password file")
	}
	pw, _, _ := strings.Cut(string(b), "\n")
	pw = strings.TrimSuffix(strings.TrimPrefix(pw, "\ufeff"), "\r")
	if pw == "" {
		return "", vocab.Errorf("%s is leeg; zet het wachtwoord op de eerste regel", "%s is empty; put the password on its first line", name)
	}
	return pw, nil
}

// Severity names a severity code in Dutch and English (package vocab).
func Severity(code string) (results.Text, bool) {
	t, ok := vocab.Severities.Lookup(code)
	return results.Text{NL: t.NL, EN: t.EN}, ok
}

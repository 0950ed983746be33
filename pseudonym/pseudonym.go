// Package pseudonym replaces record keys with pseudonyms: an HMAC-SHA256 of
// the table and the record key under a secret key the organisation keeps.
// The same key gives the same pseudonym year after year, so risk reports of
// different years can be compared, while a reader without the key cannot
// recover the record key (an unkeyed hash of a child number or BSN could be
// reversed by trying them all).
package pseudonym

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/results"
)

// Method names the construction, as recorded in results.Pseudonymisation.
const Method = "HMAC-SHA256"

// Prefix starts every pseudonym, so a reader sees it is one.
const Prefix = "P-"

// keyBytes is the length of a generated key.
const keyBytes = 32

// SampleKey is the fixed key of the built-in sample organisation, so its
// demo reports are the same on every machine. Never use it for real data.
var SampleKey = []byte("avgaudit sample organisation - synthetic data only")

// Pseudonymiser makes pseudonyms under one key.
type Pseudonymiser struct {
	key []byte
}

// New returns a Pseudonymiser for key (at least 16 bytes).
func New(key []byte) (*Pseudonymiser, error) {
	if len(key) < 16 {
		return nil, fmt.Errorf("pseudonym key of %d bytes is too short: want at least 16", len(key))
	}
	return &Pseudonymiser{key: append([]byte(nil), key...)}, nil
}

// Of returns the pseudonym of the record with key recordKey in table:
// "P-" and 12 hex digits (48 bits, so that two records of one organisation
// practically never share one).
func (p *Pseudonymiser) Of(table, recordKey string) string {
	return Prefix + p.mac("record\x00" + table + "\x00" + recordKey)[:12]
}

// KeyID is a fingerprint of the key, not the key: two runs with the same
// KeyID used the same key.
func (p *Pseudonymiser) KeyID() string {
	return p.mac("key-id")[:16]
}

func (p *Pseudonymiser) mac(msg string) string {
	h := hmac.New(sha256.New, p.key)
	h.Write([]byte(msg))
	return hex.EncodeToString(h.Sum(nil))
}

// Load reads the key in the file at path (hex, one line). found is false,
// without an error, when there is no such file.
func Load(path string) (p *Pseudonymiser, found bool, err error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read pseudonym key: %w", err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, false, fmt.Errorf("read pseudonym key %s: not a key written by avgaudit (hex digits on one line): %w", path, err)
	}
	if p, err = New(key); err != nil {
		return nil, false, fmt.Errorf("read pseudonym key %s: %w", path, err)
	}
	return p, true, nil
}

// Random returns a Pseudonymiser with a new random key; Save keeps it.
func Random() (*Pseudonymiser, error) {
	key := make([]byte, keyBytes)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("make pseudonym key: %w", err)
	}
	return New(key)
}

// Save writes the key to a new file at path, readable only by the user
// (temp file, then rename, so a key file is never half written).
func (p *Pseudonymiser) Save(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("write pseudonym key: %w", err)
	}
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, hex.EncodeToString(p.key)+"\n")
		return err
	})
	if err != nil {
		return fmt.Errorf("write pseudonym key %s: %w", path, err)
	}
	return nil
}

// LoadOrCreate reads the key in the file at path, or, when the file does
// not exist, creates it with a new random key (see Load, Random, Save).
// created says a new key was made: the caller should tell the user to keep
// the file, since next year's pseudonyms depend on it.
func LoadOrCreate(path string) (p *Pseudonymiser, created bool, err error) {
	p, found, err := Load(path)
	if err != nil || found {
		return p, false, err
	}
	if p, err = Random(); err != nil {
		return nil, false, err
	}
	if err := p.Save(path); err != nil {
		return nil, false, err
	}
	return p, true, nil
}

// FindingKey is the key of finding f of check checkID with its record key
// replaced by the pseudonym: "check|table|P-…", keeping a "#n" that numbers
// repeated keys. A record key that already is a pseudonym is kept, so
// pseudonymising twice changes nothing. The risk report's keys and the
// comparison with a pseudonymised earlier run both use it, so they agree.
func (p *Pseudonymiser) FindingKey(checkID string, f results.Finding) string {
	ps := f.RecordKey
	if ps != "" && !pseudonymFormat.MatchString(ps) {
		ps = p.Of(f.Table, f.RecordKey)
	}
	suffix := ""
	if rest, ok := strings.CutPrefix(f.Key, checkID+"|"+f.Table+"|"+f.RecordKey); ok && repeatSuffix.MatchString(rest) {
		suffix = rest
	}
	return checkID + "|" + f.Table + "|" + ps + suffix
}

// IsPseudonym reports whether s has the form of a pseudonym.
func IsPseudonym(s string) bool { return pseudonymFormat.MatchString(s) }

var (
	repeatSuffix    = regexp.MustCompile(`^(#[0-9]+)?$`)
	pseudonymFormat = regexp.MustCompile(`^` + regexp.QuoteMeta(Prefix) + `[0-9a-f]{12}$`)
)

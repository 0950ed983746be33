package app

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/vocab"
)

// ManifestFileName is the manifest's name in SOURCE_DIR.
const ManifestFileName = manifest.FileName

// Recognise inspects the exports in dir and proposes a manifest. out is
// where it will be written ("" for dir's manifest.yaml); it must not exist
// unless force.
func Recognise(dir, out string, force bool, passwordFile string) (p *profiles.Proposal, manifestFile string, err error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, "", Usage2f("SOURCE_DIR %q is not a directory", "BRONMAP %q is geen map", dir)
	}
	if out == "" {
		out = filepath.Join(dir, manifest.FileName)
	}
	if _, err := os.Stat(out); err == nil && !force {
		return nil, "", Usage2f("%s already exists; add --force to overwrite it, or --out to write elsewhere", "%s bestaat al; voeg --force toe om het te overschrijven, of kies met --out een ander bestand", out)
	}
	var password string
	if passwordFile != "" {
		pw, err := readPassword(passwordFile)
		if err != nil {
			return nil, "", Usage(vocab.Wrapf(err, "--password-file", "--password-file"))
		}
		password = pw
	}
	p, err = profiles.Recognise(ingest.OSDir(dir), ".", password)
	if err != nil {
		return nil, "", vocab.Wrapf(err, "%s", "%s", dir)
	}
	return p, out, nil
}

// WriteManifest writes the manifest p proposes for dir to out, its
// comments in lang (nl or en), after checking that it parses.
func WriteManifest(p *profiles.Proposal, dir, out, lang string) error {
	if len(p.Placed) == 0 && len(p.Drafts()) == 0 {
		return vocab.Errorf("%s: geen enkele export past bij een tabel van het model; er is geen manifest geschreven (de redenen staan hierboven)", "%s: no export could be placed on a canonical table; no manifest written (the reasons are listed above)", dir)
	}
	var buf bytes.Buffer
	// With a draft entry for each export that lacks a required column.
	if err := manifest.Write(&buf, p.DraftManifest(organisationName(dir)), p.CommentsIn(lang)); err != nil {
		return err
	}
	if _, err := manifest.Parse(bytes.NewReader(buf.Bytes())); err != nil {
		return vocab.Wrapf(err, "het voorgestelde manifest is niet geldig (meld dit alstublieft)", "the proposed manifest is not valid (please report this)")
	}
	return writeFileAtomic(out, buf.Bytes(), atomicfile.Public)
}

// organisationName names the organisation after its folder until the user does.
func organisationName(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		dir = a
	}
	return filepath.Base(dir)
}

package profiles

// The built-in header profiles: per canonical column the export headers
// that mean it, in Dutch and English, as the systems and people write them.
// Headers are compared after normalisation (see Key), so "Geb. datum",
// "geb datum" and "GEB-DATUM" are one synonym; list each spelling that
// differs in letters.

// shared are synonyms of a column name in every table that has it.
var shared = map[string][]string{
	"child_id": {"Kindnummer", "Kindnr", "Kind nr", "Kindcode", "Relatienummer kind", "Nummer kind",
		"Child number", "Child no", "Child ID admin", "Kidsadmin-nummer", "Administratienummer"},
	"first_name":        {"Voornaam", "Roepnaam", "Voornamen", "First name", "Given name", "Firstname"},
	"name_prefix":       {"Tussenvoegsel", "Tussenvoegsels", "Voorvoegsel", "Voorvoegsels", "Name prefix", "Prefix", "Infix"},
	"last_name":         {"Achternaam", "Familienaam", "Geslachtsnaam", "Last name", "Surname", "Family name", "Lastname"},
	"birth_date":        {"Geboortedatum", "Geb. datum", "Geb.datum", "Geboren", "Geboren op", "Date of birth", "Birth date", "Birthdate", "DOB"},
	"group_name":        {"Groep", "Groepsnaam", "Stamgroep", "Basisgroep", "Group", "Group name"},
	"name":              {"Naam", "Volledige naam", "Name", "Full name"},
	"email":             {"E-mail", "E-mailadres", "Emailadres", "Mail", "Email address", "E-mail address"},
	"portal_child_id":   {"Kind-ID", "Kind ID", "Kindid", "ID kind", "Portal child ID", "Child ID portal"},
	"last_login":        {"Laatst ingelogd", "Laatste login", "Laatste aanmelding", "Laatst actief", "Last login", "Last logged in", "Last sign-in"},
	"purpose":           {"Doel", "Doeleinde", "Doelen", "Verwerkingsdoel", "Purpose", "Purposes"},
	"data_categories":   {"Categorieën persoonsgegevens", "Persoonsgegevens", "Soorten persoonsgegevens", "Categorieën gegevens", "Gegevens", "Data categories", "Personal data", "Categories of personal data"},
	"employee_id":       {"Personeelsnummer", "Medewerkernummer", "Personeelsnr", "Medewerker-ID", "Employee number", "Employee ID", "Staff number"},
	"received_at":       {"Ontvangen op", "Datum ontvangst", "Ontvangstdatum", "Ontvangen", "Binnengekomen op", "Received", "Received on", "Date received", "Datum binnengekomen", "Binnengekomen", "Datum ontvangen", "Datum verzoek"},
	"tracking_child_id": {"Kind-ID", "Kind ID", "Kindid", "ID kind", "Leerling-ID", "KIJK-ID", "Tracking child ID"},
}

// perTable are synonyms of one table's column, added to the shared ones.
var perTable = map[string]map[string][]string{
	"admin_children": {
		"gender":     {"Geslacht", "Gender", "Sex", "Jongen/meisje"},
		"bsn":        {"BSN", "BSN kind", "Burgerservicenummer", "Burgerservicenummer kind", "Sofinummer", "Citizen service number", "BSN-nummer", "BSN nr", "BSN-nr"},
		"address":    {"Adres", "Straat en huisnummer", "Straat", "Woonadres", "Address", "Street", "Straat + huisnr", "Straat + huisnummer", "Straat en huisnr", "Adres + huisnummer"},
		"postcode":   {"Postcode", "Postal code", "Zip code", "Zip"},
		"city":       {"Woonplaats", "Plaats", "City", "Town", "Place of residence"},
		"location":   {"Locatie", "Vestiging", "Kindcentrum", "Location", "Site"},
		"care_type":  {"Opvangsoort", "Soort opvang", "Opvangvorm", "Opvangtype", "Type opvang", "Care type", "Type of care", "Kind of care"},
		"care_start": {"Startdatum opvang", "Startdatum", "Begindatum opvang", "Begindatum", "Ingangsdatum", "Datum inschrijving", "Start of care", "Care start", "Start date", "Startdatum plaatsing", "Begindatum plaatsing", "Start plaatsing"},
		"care_end":   {"Einddatum opvang", "Einddatum", "Einddatum contract", "Uitschrijfdatum", "Datum uitschrijving", "End of care", "Care end", "End date", "Einddatum plaatsing", "Eind plaatsing"},
	},
	"admin_guardians": {
		"guardian_id": {"Oudernummer", "Ouder-ID", "Relatienummer", "Relatienummer ouder", "Verzorgernummer", "Guardian number", "Guardian ID", "Parent number", "Parent ID"},
		"phone":       {"Telefoonnummer", "Telefoon", "Mobiel", "Mobiel nummer", "Tel", "Phone", "Phone number", "Mobile", "Tel. mobiel", "Telefoon mobiel", "Mobiel nr", "Telefoonnr", "Tel. nr."},
		"iban":        {"IBAN", "Rekeningnummer", "Bankrekening", "Bankrekeningnummer", "Bank account", "Account number"},
		"relation":    {"Relatie", "Relatie tot kind", "Soort relatie", "Rol", "Relation", "Relationship"},

		// who holds parental authority (consent_not_by_guardian)
		"parental_authority": {"Ouderlijk gezag", "Gezag", "Heeft gezag", "Gezagdrager", "Gezaghebbend", "Parental authority", "Parental responsibility", "Custody"},
	},
	"admin_invoices": {
		"invoice_id":   {"Factuurnummer", "Factuurnr", "Factuur", "Invoice number", "Invoice no", "Invoice ID"},
		"guardian_id":  {"Oudernummer", "Debiteurnummer", "Relatienummer", "Guardian number", "Debtor number", "Parent number"},
		"invoice_date": {"Factuurdatum", "Datum factuur", "Invoice date", "Date"},
		"amount":       {"Bedrag", "Totaalbedrag", "Factuurbedrag", "Totaal", "Amount", "Total", "Bedrag incl. btw", "Bedrag incl btw", "Bedrag inclusief btw", "Totaal incl. btw", "Bedrag excl. btw"},
	},
	"portal_children": {
		"placement_start": {"Startdatum plaatsing", "Begindatum plaatsing", "Geplaatst vanaf", "Start plaatsing", "Placement start", "Start of placement"},
		"placement_end":   {"Einddatum plaatsing", "Geplaatst tot", "Eind plaatsing", "Placement end", "End of placement"},
	},
	"portal_guardians": {
		"has_access": {"Toegang ouderportaal", "Toegang", "Heeft toegang", "Account actief", "Ouderportaal", "Has access", "Portal access", "Access"},
	},
	"portal_notes": {
		"note_id":    {"Notitie-ID", "Notitienummer", "Note ID", "Note number"},
		"category":   {"Categorie", "Soort", "Soort notitie", "Type notitie", "Category", "Note type"},
		"created_at": {"Aangemaakt op", "Aangemaakt", "Datum", "Gemaakt op", "Created at", "Created", "Date"},
		"basis":      {"Grondslag", "Rechtsgrond", "Basis", "Legal basis", "Ground"},
	},
	"portal_consents": {
		"consent_type": {"Toestemming", "Soort toestemming", "Toestemmingstype", "Onderwerp", "Consent", "Consent type", "Permission"},
		"granted":      {"Antwoord", "Akkoord", "Gegeven", "Toestemming gegeven", "Granted", "Answer", "Given"},
		"recorded_at":  {"Vastgelegd op", "Datum", "Geregistreerd op", "Gewijzigd op", "Recorded at", "Recorded", "Date"},
		"withdrawn_at": {"Ingetrokken op", "Ingetrokken", "Datum intrekking", "Withdrawn at", "Withdrawn"},
		"given_by":     {"Vastgelegd door", "Gegeven door", "Ingevuld door", "Door", "Given by", "Recorded by"},
	},
	"portal_photos": {
		"photo_id":   {"Foto-ID", "Fotonummer", "Foto", "Photo ID", "Photo"},
		"posted_at":  {"Geplaatst op", "Datum geplaatst", "Plaatsingsdatum", "Posted at", "Posted", "Date posted"},
		"posted_by":  {"Geplaatst door", "Auteur", "Medewerker", "Posted by", "Author"},
		"removed_at": {"Verwijderd op", "Verwijderd", "Removed at", "Removed", "Deleted at"},
	},
	"tracking_children": {
		"vve_indication": {"VVE-indicatie", "VVE", "VVE indicatie", "Doelgroepkind", "VVE-kind", "VVE indication", "Early education indication"},
		"mentor":         {"Mentor", "Mentrix", "Begeleider", "Tutor"},
		"archived_at":    {"Gearchiveerd op", "Gearchiveerd", "Archiefdatum", "Datum archivering", "Uitgeschreven op", "Archived at", "Archived"},
	},
	"tracking_observations": {
		"observed_at": {"Observatiedatum", "Datum observatie", "Geobserveerd op", "Datum", "Observed at", "Observation date", "Date"},
		"author":      {"Observator", "Auteur", "Medewerker", "Mentor", "Ingevoerd door", "Author", "Observer"},
	},
	"tracking_transfers": {
		"school":            {"School", "Basisschool", "Ontvangende school", "Receiving school", "Primary school"},
		"sent_at":           {"Verzonden op", "Verstuurd op", "Datum verzending", "Overgedragen op", "Sent at", "Sent", "Date sent"},
		"consent_given":     {"Toestemming gegeven", "Schriftelijke toestemming", "Parental consent", "Consent given", "Written consent"},
		"consent_signed_at": {"Toestemming ouders getekend op", "Toestemming getekend op", "Toestemming ouders", "Datum toestemming", "Consent signed at", "Parental consent signed"},
		"channel":           {"Verzendwijze", "Kanaal", "Wijze van overdracht", "Manier", "Channel", "Sent via"},
		"vve_programme":     {"VVE-programma", "VVE programma", "Programma", "VVE programme", "Programme"},
		"vve_duration":      {"VVE-duur", "Duur VVE", "Duur", "Duur programma", "VVE duration", "Duration"},
		"contents":          {"Bijlagen", "Inhoud", "Inhoud overdracht", "Overgedragen gegevens", "Documenten", "Contents", "Attachments"},
	},
	"processors": {
		"system":               {"Systeem", "Applicatie", "Pakket", "Software", "Dienst", "System", "Application", "Service"},
		"vendor":               {"Verwerker", "Leverancier", "Bedrijf", "Vendor", "Processor", "Supplier"},
		"agreement_signed_at":  {"Verwerkersovereenkomst getekend", "Verwerkersovereenkomst getekend op", "Getekend op", "Datum ondertekening", "Overeenkomst getekend", "Agreement signed", "Agreement signed at", "Signed", "VWO getekend", "VWO getekend op", "Datum VWO", "VWO datum", "Verwerkersovereenkomst", "Verwerkersovereenkomst afgesloten op", "DPA signed"},
		"agreement_expires_at": {"Einddatum overeenkomst", "Overeenkomst tot", "Geldig tot", "Verloopt op", "Einddatum verwerkersovereenkomst", "Agreement expires", "Agreement end", "Expires", "Valid until", "VWO geldig tot", "VWO einddatum", "Einddatum VWO", "VWO tot", "Verwerkersovereenkomst geldig tot", "DPA expires"},
		"agreement_present":    {"Verwerkersovereenkomst aanwezig", "VWO aanwezig", "Overeenkomst aanwezig", "Agreement present", "DPA present", "DPA in place"},
		"certifications":       {"Certificeringen", "Certificering", "Certificaten", "Keurmerken", "Certifications", "Certificates"},
		"in_use":               {"In gebruik", "Actief", "Gebruikt", "In use", "Active"},
		"sub_processors":       {"Subverwerkers", "Sub-verwerkers", "Subverwerker", "Sub-processors", "Subprocessors", "Sub-processor"},
		"data_location":        {"Locatie gegevens", "Opslaglocatie", "Land van opslag", "Datalocatie", "Locatie opslag", "Data location", "Storage location", "Data stored in"},
		"transfer_mechanism":   {"Doorgiftemechanisme", "Grondslag doorgifte", "Doorgifte", "Waarborg doorgifte", "Doorgifte buiten EER", "Transfer mechanism", "Transfer safeguard", "Transfer safeguards"},
		"agreement_updated_at": {"AVG-addendum", "AVG addendum", "Aangepast aan AVG op", "Aangepast aan de AVG", "Addendum getekend", "Agreement updated", "GDPR addendum", "Updated for GDPR"},
	},
	"staff": {
		"role":             {"Functie", "Rol", "Functienaam", "Role", "Position", "Job title"},
		"groups":           {"Groepen", "Groep", "Werkt op groep", "Groups", "Group"},
		"employment_start": {"In dienst", "Datum in dienst", "In dienst sinds", "Startdatum", "Employment start", "Start date", "Hired"},
		"employment_end":   {"Uit dienst", "Datum uit dienst", "Einddatum", "Einddatum dienstverband", "Employment end", "End date", "Left"},
	},
	"accounts": {
		"system":       {"Systeem", "Applicatie", "Pakket", "System", "Application"},
		"username":     {"Gebruikersnaam", "Gebruiker", "Login", "Inlognaam", "Account", "Username", "User name", "User"},
		"access_scope": {"Groepen", "Groups", "Toegang", "Rechten", "Toegangsrechten", "Bevoegdheid", "Autorisatie", "Access", "Access scope", "Permissions"},
		"active":       {"Actief", "Account actief", "Status", "Active", "Enabled"},
		"mfa":          {"MFA", "MFA actief", "Tweestapsverificatie", "Tweefactorauthenticatie", "2FA", "Multi-factor authentication", "MFA enabled", "Two-factor"},
	},
	"requests": {
		"request_id":            {"Nummer", "Verzoeknummer", "Nr", "Kenmerk", "Request number", "Request ID", "Number"},
		"type":                  {"Soort verzoek", "Soort", "Type verzoek", "Verzoek", "Type", "Request type", "Kind"},
		"extension_notified_at": {"Verlenging gemeld op", "Verlenging gemeld", "Verlenging", "Uitstel gemeld op", "Extension notified", "Extension notified at"},
		"answered_at":           {"Afgehandeld op", "Beantwoord op", "Datum antwoord", "Afgehandeld", "Answered at", "Answered", "Date answered"},
	},
	"breaches": {
		"breach_id":            {"Nummer", "Datalek-ID", "Nr", "Kenmerk", "Incidentnummer", "Breach number", "Breach ID", "Number"},
		"discovered_at":        {"Ontdekt op", "Datum ontdekking", "Geconstateerd op", "Vastgesteld op", "Discovered at", "Discovered", "Date discovered", "Datum ontdekt", "Ontdekt", "Datum constatering", "Datum lek", "Datum ontdekking lek"},
		"reportable":           {"Meldplichtig", "Melden bij AP", "Meldingsplichtig", "Reportable", "Notifiable"},
		"reported_to_ap_at":    {"Gemeld bij AP op", "Gemeld bij AP", "Melding AP", "Datum melding AP", "Gemeld aan AP op", "Reported to AP", "Reported to AP at", "Reported to authority"},
		"late_reason":          {"Reden te late melding", "Reden late melding", "Reden vertraging", "Reden vertraagde melding", "Reason for late report", "Late reason", "Reason for delay", "Reason late notification"},
		"high_risk":            {"Hoog risico", "Hoog risico betrokkenen", "High risk"},
		"subjects_informed_at": {"Betrokkenen geïnformeerd op", "Betrokkenen geïnformeerd", "Betrokkenen ingelicht op", "Subjects informed at", "Data subjects informed"},
		"subjects_informed":    {"Betrokkenen ingelicht", "Betrokkenen geïnformeerd (ja/nee)", "Affected informed", "Subjects informed (yes/no)"},
		"facts":                {"Omschrijving", "Wat is er gebeurd", "Feiten", "Beschrijving", "Description", "Facts", "What happened"},
		"effects":              {"Gevolgen", "Gevolgen voor betrokkenen", "Effects", "Consequences"},
		"measures":             {"Maatregelen", "Genomen maatregelen", "Measures", "Measures taken"},
		"inform_exception":     {"Uitzondering informeren", "Uitzondering informeren (art. 34 lid 3)", "Reden niet informeren", "Betrokkenen niet geïnformeerd omdat", "Art. 34 lid 3", "Exception to informing", "Reason not informed"},
	},
	"social_posts": {
		"post_id":           {"Post-ID", "Bericht-ID", "Berichtnummer", "Post", "Post ID", "Post number"},
		"posted_at":         {"Datum", "Geplaatst op", "Publicatiedatum", "Date", "Posted at", "Posted"},
		"channel":           {"Kanaal", "Medium", "Platform", "Channel"},
		"written_consent":   {"Schriftelijke toestemming", "Toestemming", "Toestemming aanwezig", "Written consent", "Consent"},
		"consent_reference": {"Referentie toestemming", "Toestemmingsformulier", "Kenmerk toestemming", "Consent reference", "Consent form"},
	},
	"processing_activities": {
		"activity":       {"Verwerking", "Verwerkingsactiviteit", "Activiteit", "Naam verwerking", "Processing activity", "Activity", "Processing", "Proces", "Verwerkingen", "Naam verwerkingsactiviteit"},
		"legal_basis":    {"Grondslag", "Rechtsgrond", "Wettelijke grondslag", "Legal basis", "Lawful basis", "Grondslag verwerking", "Rechtmatigheidsgrond"},
		"data_subjects":  {"Betrokkenen", "Categorieën betrokkenen", "Data subjects", "Categories of data subjects", "Categorieën van betrokkenen", "Groepen betrokkenen"},
		"systems":        {"Systemen", "Applicaties", "Systeem", "Systems", "Applications", "Gebruikte systemen", "Systemen en applicaties"},
		"retention":      {"Bewaartermijn", "Bewaartermijnen", "Retention", "Retention period", "Bewaartermijn gegevens", "Bewaren tot"},
		"recipients":     {"Ontvangers", "Categorieën ontvangers", "Categorieën van ontvangers", "Ontvanger", "Recipients", "Categories of recipients", "Verstrekt aan"},
		"transfers":      {"Doorgifte", "Doorgifte buiten EER", "Doorgifte buiten de EER", "Doorgifte derde landen", "Buiten EER", "Transfers", "Transfers outside the EEA", "Third-country transfers", "International transfers"},
		"security":       {"Beveiliging", "Beveiligingsmaatregelen", "Maatregelen", "Technische en organisatorische maatregelen", "Security", "Security measures", "Beveiligingsmaatregelen (TOMs)", "TOMs"},
		"dpia_reference": {"DPIA", "DPIA-referentie", "Referentie DPIA", "DPIA uitgevoerd", "DPIA reference", "DPIA-kenmerk", "DPIA kenmerk", "Kenmerk DPIA"},
	},
	"onedrive_files": {
		"path":        {"Pad", "Bestand", "Bestandspad", "Locatie", "Map", "Path", "File", "File path", "Bestandsnaam", "Locatie bestand", "Map en bestand"},
		"owner":       {"Eigenaar", "Gemaakt door", "Owner", "Created by", "Eigenaar bestand", "Aangemaakt door"},
		"modified_at": {"Gewijzigd op", "Laatst gewijzigd", "Gewijzigd", "Modified", "Modified at", "Last modified", "Laatst gewijzigd op", "Datum gewijzigd"},
		"sharing":     {"Gedeeld", "Gedeeld met", "Delen", "Toegang", "Sharing", "Shared with", "Gedeeld via", "Deelstatus", "Delen met", "Zichtbaar voor"},
		"category":    {"Categorie", "Soort", "Soort document", "Category", "Document type", "Soort bestand", "Type document"},
	},
	"applicants": {
		"applicant_id":       {"Sollicitantnummer", "Sollicitatienummer", "Kandidaatnummer", "Nummer", "Applicant number", "Applicant ID", "Candidate ID", "Sollicitant-ID", "Kandidaat-ID", "Sollicitantnr"},
		"applied_at":         {"Gesolliciteerd op", "Datum sollicitatie", "Sollicitatiedatum", "Ontvangen op", "Applied at", "Application date", "Applied", "Sollicitatie ontvangen op", "Datum binnenkomst", "Binnengekomen op"},
		"procedure_ended_at": {"Procedure afgerond op", "Einde procedure", "Afgerond op", "Afgewezen op", "Procedure ended", "Procedure ended at", "Closed", "Procedure beëindigd op", "Einde sollicitatieprocedure", "Datum afwijzing", "Afgerond", "Procedure afgerond"},
		"keep_consent":       {"Toestemming bewaren", "Toestemming langer bewaren", "Portfolio toestemming", "Mag bewaard worden", "Keep consent", "Consent to keep", "Bewaren met toestemming", "Toestemming bewaren 1 jaar", "Toestemming portefeuille"},
	},
	"prk_links": {
		"person_id":   {"Personeelsnummer", "Medewerkernummer", "Persoonsnummer", "Nummer", "Person ID", "Person number", "Employee number"},
		"kind":        {"Soort", "Soort medewerker", "Type", "Dienstverband", "Soort dienstverband", "Kind", "Type of worker", "Worker type"},
		"work_start":  {"Start werkzaamheden", "Eerste werkdag", "Begonnen op", "In dienst", "Startdatum werkzaamheden", "Work start", "Started", "First working day"},
		"work_end":    {"Einde werkzaamheden", "Laatste werkdag", "Gestopt op", "Uit dienst", "Einddatum werkzaamheden", "Work end", "Stopped", "Last working day"},
		"linked_at":   {"Gekoppeld op", "Gekoppeld sinds", "Datum koppeling", "Koppeling", "Begindatum koppeling", "Linked at", "Linked on", "Linked since"},
		"unlinked_at": {"Ontkoppeld op", "Datum ontkoppeling", "Einddatum koppeling", "Ontkoppeld", "Unlinked at", "Unlinked on", "Unlinked"},
	},
	"devices": {
		"device_id":    {"Apparaat", "Apparaatnaam", "Naam apparaat", "Serienummer", "Inventarisnummer", "Device", "Device name", "Serial number", "Asset tag"},
		"kind":         {"Soort", "Soort apparaat", "Type", "Type apparaat", "Model", "Device type", "Kind"},
		"assigned_to":  {"Gebruikt door", "Toegewezen aan", "In gebruik bij", "Gebruiker", "Assigned to", "Primary user", "Used by"},
		"encrypted":    {"Versleuteld", "Versleuteling", "Schijfversleuteling", "Encrypted", "Encryption", "BitLocker", "FileVault"},
		"passcode":     {"Toegangscode", "Pincode", "Code ingesteld", "Wachtwoord ingesteld", "Schermvergrendeling", "Passcode", "Passcode set", "PIN"},
		"mdm_enrolled": {"MDM", "In MDM", "Beheerd", "Aangemeld in MDM", "MDM-beheer", "MDM enrolled", "Managed", "Enrolled"},
		"in_use":       {"In gebruik", "Actief", "In use", "Active"},
		"lost_at":      {"Verloren op", "Kwijt op", "Vermist op", "Gestolen op", "Verlies gemeld op", "Lost at", "Lost on", "Reported lost"},
		"breach_id":    {"Datalek", "Datalek-ID", "Datalek nummer", "Nummer datalek", "Melding datalek", "Breach", "Breach ID"},
	},
	"staff_privacy": {
		"confidentiality_signed_at": {"Geheimhoudingsverklaring", "Geheimhoudingsverklaring getekend", "Geheimhoudingsverklaring getekend op", "Geheimhouding getekend", "Confidentiality statement", "Confidentiality signed", "NDA signed"},
		"training_completed_at":     {"Privacytraining", "Privacytraining gevolgd", "Privacytraining gevolgd op", "AVG-training", "Training gevolgd op", "E-learning AVG", "Privacy training", "Training completed", "Awareness training"},
	},
	"cameras": {
		"camera_id":             {"Camera", "Cameranummer", "Camera-ID", "Naam camera", "Camera ID", "Camera name"},
		"location":              {"Locatie", "Plaats", "Hangt bij", "Location", "Position"},
		"kind":                  {"Soort", "Soort camera", "Type", "Type camera", "Kind", "Camera type"},
		"retention_days":        {"Bewaartermijn (dagen)", "Bewaartermijn dagen", "Bewaartermijn", "Bewaren (dagen)", "Dagen bewaard", "Retention (days)", "Retention days", "Retention"},
		"dpia_reference":        {"DPIA", "DPIA-referentie", "Kenmerk DPIA", "DPIA-kenmerk", "DPIA reference"},
		"works_council_consent": {"Instemming OR", "Instemming ondernemingsraad", "OR-instemming", "Instemming PVT", "Instemming OR/PVT", "Instemming medezeggenschap", "Works council consent", "Works council"},
		"in_use":                {"In gebruik", "Actief", "In use", "Active"},
	},
	"accepted_risks": {
		"check_id":      {"Controle", "Check", "Check ID", "Controle-id", "Controle id"},
		"record_key":    {"Record", "Recordsleutel", "Record key", "Sleutel", "Bevinding", "Patroon"},
		"justification": {"Onderbouwing", "Motivatie", "Reden", "Justification", "Reason", "Toelichting"},
		"legal_basis":   {"Grondslag", "Wettelijke grondslag", "Legal basis", "Basis"},
		"approved_by":   {"Goedgekeurd door", "Akkoord door", "Approved by", "Vastgesteld door"},
		"approved_on":   {"Goedgekeurd op", "Datum goedkeuring", "Approved on", "Akkoord op", "Vastgesteld op"},
		"expires_on":    {"Geldig tot", "Vervalt op", "Expires on", "Einddatum", "Verloopt op", "Valid until"},
	},
	"complaints": {
		"complaint_id": {"Klachtnummer", "Nummer", "Kenmerk", "Nr", "Complaint number", "Complaint ID", "Number", "Klacht-ID", "Klachtnr"},
		"handled_at":   {"Afgehandeld op", "Afgehandeld", "Datum afhandeling", "Opgelost op", "Handled at", "Handled", "Closed at", "Afgehandeld d.d.", "Datum afgehandeld", "Gesloten op"},
		"subject":      {"Onderwerp", "Omschrijving", "Klacht", "Betreft", "Subject", "Description"},
	},
}

// valueSynonyms are the export labels of canonical values, per column name.
var valueSynonyms = map[string]map[string][]string{
	"gender": {
		"m": {"Jongen", "Man", "Mannelijk", "Male", "Boy"},
		"v": {"Meisje", "Vrouw", "Vrouwelijk", "Female", "Girl"},
	},
	"consent_type": {
		"photo_portal":            {"Foto's in ouderportaal", "Foto's ouderportaal", "Foto's in de app", "Foto's in het ouderportaal", "Beeldmateriaal ouderportaal", "Photos in parent portal", "Photos portal"},
		"photo_external":          {"Foto's extern (website/social media)", "Foto's extern", "Foto's website en social media", "Beeldmateriaal extern", "Photos external"},
		"photo_website":           {"Foto's op website", "Foto's op de website", "Photos on website", "Photos on the website"},
		"photo_social":            {"Foto's op social media", "Foto's op sociale media", "Foto's op Facebook en Instagram", "Photos on social media"},
		"pickup_by_others":        {"Ophalen door anderen", "Ophalen door derden", "Ophalen door een ander", "Pick-up by others", "Pickup by others"},
		"transport":               {"Vervoer (auto, stint, bus)", "Vervoer", "Vervoer met auto of bus", "Transport"},
		"friend_visit":            {"Vriendje komt spelen", "Vriendje of vriendinnetje komt spelen", "Vriendjes komen spelen", "Friend visits", "Friend visit"},
		"visit_friend":            {"Spelen bij vriendje", "Spelen bij vriendje of vriendinnetje", "Spelen bij een vriendje", "Visit a friend", "Visit friend"},
		"independent_from_school": {"Zelfstandig van school", "Zelfstandig van school naar de opvang", "Zelfstandig naar de BSO", "Independent from school", "Walk from school alone"},
		"independent_home":        {"Zelfstandig naar huis", "Zelfstandig naar huis gaan", "Independent home", "Go home alone"},
	},
	"category": { // portal_notes and onedrive_files; each table only takes its own values
		"allergy":    {"Allergie", "Allergieën", "Allergy", "Allergies"},
		"diet":       {"Dieet", "Voeding", "Dieetwensen", "Diet"},
		"medical":    {"Medisch", "Medische gegevens", "Medicatie", "Gezondheid", "Medical", "Health"},
		"vve":        {"VVE", "Voor- en vroegschoolse educatie", "Early education"},
		"bilingual":  {"Tweetalig", "Meertalig", "Thuistaal", "Bilingual"},
		"religion":   {"Religie", "Geloof", "Levensovertuiging", "Levensbeschouwing", "Godsdienst", "Religion", "Belief"},
		"general":    {"Algemeen", "Overig", "General", "Other"},
		"child_file": {"Kinddossier", "Dossier kind", "Kindmap", "Child file"},
		"income":     {"Inkomen", "Inkomensgegevens", "Income"},
		"staff":      {"Personeel", "Personeelsdossier", "Staff"},
		"other":      {"Overig", "Anders", "Other"},
	},
	"kind": { // prk_links
		"staff":     {"Medewerker", "Personeel", "Werknemer", "In loondienst", "Loondienst", "Staff", "Employee"},
		"temp":      {"Uitzendkracht", "Invalkracht", "Invaller", "Flexkracht", "Temp", "Temporary worker", "Agency worker"},
		"intern":    {"Stagiair", "Stagiaire", "Stagiair(e)", "Student", "Intern", "Trainee"},
		"volunteer": {"Vrijwilliger", "Vrijwilligster", "Volunteer"},
	},
	"basis": {
		"consent":   {"Toestemming", "Uitdrukkelijke toestemming", "Consent", "Explicit consent"},
		"necessity": {"Noodzakelijk", "Noodzaak", "Noodzakelijk voor de zorg", "Noodzakelijk voor de opvang", "Noodzakelijk voor de zorg voor het kind", "Necessity", "Necessary", "Necessary for care"},
	},
}

// tableHints are words in file and sheet names that suggest a table; they
// only break ties between tables that match a header equally well.
var tableHints = map[string][]string{
	"admin_children":        {"kinderen", "kind", "children"},
	"admin_guardians":       {"ouders", "ouder", "verzorgers", "guardians", "parents"},
	"admin_invoices":        {"facturen", "factuur", "invoices"},
	"portal_children":       {"kinderen", "children"},
	"portal_guardians":      {"ouders", "parents"},
	"portal_notes":          {"notities", "notes"},
	"portal_consents":       {"toestemmingen", "consents"},
	"portal_photos":         {"fotos", "photos"},
	"tracking_children":     {"kinderen", "children"},
	"tracking_observations": {"observaties", "observations"},
	"tracking_transfers":    {"overdrachten", "overdracht", "transfers"},
	"processors":            {"verwerkers", "processors"},
	"staff":                 {"medewerkers", "personeel", "staff"},
	"accounts":              {"accounts", "gebruikers"},
	"requests":              {"verzoeken", "requests"},
	"breaches":              {"datalekken", "datalek", "breaches"},
	"social_posts":          {"socialmedia", "social", "posts"},
	"processing_activities": {"verwerkingsregister", "verwerkingen", "activities"},
	"onedrive_files":        {"onedrive", "bestanden", "files"},
	"applicants":            {"sollicitanten", "applicants"},
	"complaints":            {"klachten", "complaints"},
	"prk_links":             {"personenregister", "prk", "koppelingen"},
	"devices":               {"apparaten", "devices", "mdm", "intune"},
	"staff_privacy":         {"geheimhouding", "privacytraining", "training"},
	"cameras":               {"camera", "cameras", "camera's", "webcams", "cameratoezicht"},
	"accepted_risks":        {"geaccepteerde risico's", "geaccepteerde risicos", "accepted risks", "risicoacceptatie"},
}

// products are the source products recognised from file and folder names,
// by system; the name is what the processor register is expected to use.
var products = []struct{ System, Hint, Product string }{
	{"admin", "kidsadmin", "Kidsadmin"},
	{"admin", "flexkids", "Flexkids"},
	{"admin", "kindplanner", "KindPlanner"},
	{"admin", "bitcare", "Bitcare"},
	{"portal", "konnect", "Konnect"},
	{"portal", "bitcare", "Bitcare"},
	{"portal", "ouderportaal", "Ouderportaal"},
	{"tracking", "kijk", "KIJK!"},
	{"tracking", "dorr", "DORR"},
	{"tracking", "pravoo", "Pravoo"},
}

// defaultProducts name a system when no file name says which product it is.
var defaultProducts = map[string]string{"register": "Excel"}

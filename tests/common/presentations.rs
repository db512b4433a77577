//! PowerPoint and Impress files written by the tests: a `.pptx` and an `.odp` are zips of XML,
//! so a few slides with notes, a hidden one, a picture or a video need no office suite. The
//! files are small but complete enough for LibreOffice to open them (master, layout, theme), so
//! the real conversion test uses them too.
#![allow(
    clippy::format_collect,
    clippy::too_many_lines,
    reason = "a fixture writer: XML spelled out part by part reads best as one long function"
)]

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use zip::write::SimpleFileOptions;

/// One slide of a fixture presentation.
#[derive(Debug, Clone, Default)]
pub struct FixtureSlide {
    /// A line of text on the slide.
    pub title: String,
    /// The speaker notes; paragraphs split on `\n`.
    pub notes: String,
    /// Hidden in the slide show.
    pub hidden: bool,
    /// A full-slide picture: PNG or JPEG bytes.
    pub picture: Option<Vec<u8>>,
    /// An embedded video's file name (the bytes are a stand-in).
    pub video: Option<String>,
}

impl FixtureSlide {
    /// A shown slide with a title and notes.
    pub fn new(title: &str, notes: &str) -> Self {
        Self {
            title: title.to_owned(),
            notes: notes.to_owned(),
            ..Self::default()
        }
    }

    /// The same, hidden.
    pub fn hidden(mut self) -> Self {
        self.hidden = true;
        self
    }
}

/// `count` shown slides, `Слайд N` with notes `Ескерту N`.
pub fn numbered_slides(count: usize) -> Vec<FixtureSlide> {
    (1..=count)
        .map(|n| FixtureSlide::new(&format!("Слайд {n}"), &format!("Ескерту {n}")))
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const P: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS}">"#
    );
    for (id, kind, target) in rels {
        let kind = if kind.starts_with("http") {
            (*kind).to_owned()
        } else {
            format!("{REL}/{kind}")
        };
        write!(
            xml,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        )
        .unwrap();
    }
    xml.push_str("</Relationships>");
    xml
}

fn text_shape(
    id: usize,
    placeholder: &str,
    paragraphs: &str,
    frame: (i64, i64, i64, i64),
) -> String {
    let (x, y, cx, cy) = frame;
    let paragraphs: String = paragraphs
        .split('\n')
        .map(|line| {
            format!(
                r#"<a:p><a:r><a:rPr lang="kk-KZ" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
                escape(line)
            )
        })
        .collect();
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Shape {id}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{placeholder}</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"#
    )
}

const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Pecha"><a:themeElements><a:clrScheme name="Pecha"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme><a:fontScheme name="Pecha"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Pecha"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"#;

/// Writes a `.pptx` of `slides` (16:9) to `path`. The slide files are numbered backwards
/// (the first slide is the last file), as after slides were moved in PowerPoint: the order is
/// presentation.xml's.
pub fn write_pptx(path: &Path, slides: &[FixtureSlide]) {
    let count = slides.len();
    let file_number = |index: usize| count - index;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, text: String| parts.push((name.to_owned(), text.into_bytes()));
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpg" ContentType="image/jpeg"/><Default Extension="mp4" ContentType="video/mp4"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"/>"#,
    );
    for index in 0..count {
        let n = file_number(index);
        write!(types, r#"<Override PartName="/ppt/slides/slide{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/><Override PartName="/ppt/notesSlides/notesSlide{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"/>"#).unwrap();
    }
    types.push_str("</Types>");
    add("[Content_Types].xml", types);
    add(
        "_rels/.rels",
        relationships(&[("rId1", "officeDocument", "ppt/presentation.xml")]),
    );
    let mut ids = String::new();
    let mut presentation_rels = vec![
        (
            "rIdM".to_owned(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".to_owned(),
        ),
        ("rIdT".to_owned(), "theme", "theme/theme1.xml".to_owned()),
        (
            "rIdN".to_owned(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".to_owned(),
        ),
    ];
    for index in 0..count {
        let n = file_number(index);
        write!(ids, r#"<p:sldId id="{}" r:id="rIdS{n}"/>"#, 256 + index).unwrap();
        presentation_rels.push((format!("rIdS{n}"), "slide", format!("slides/slide{n}.xml")));
    }
    add(
        "ppt/presentation.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation {P}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rIdM"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rIdN"/></p:notesMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#
        ),
    );
    let rels: Vec<(&str, &str, &str)> = presentation_rels
        .iter()
        .map(|(id, kind, target)| (id.as_str(), *kind, target.as_str()))
        .collect();
    add("ppt/_rels/presentation.xml.rels", relationships(&rels));
    add("ppt/theme/theme1.xml", THEME.to_owned());
    let empty_tree = r#"<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld>"#;
    add(
        "ppt/slideMasters/slideMaster1.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldMaster {P}>{empty_tree}<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>"#
        ),
    );
    add(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        relationships(&[
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
            ("rId2", "theme", "../theme/theme1.xml"),
        ]),
    );
    add(
        "ppt/slideLayouts/slideLayout1.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldLayout {P} type="blank">{empty_tree}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
        ),
    );
    add(
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        relationships(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]),
    );
    add(
        "ppt/notesMasters/notesMaster1.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:notesMaster {P}>{empty_tree}<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/></p:notesMaster>"#
        ),
    );
    add(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        relationships(&[("rId1", "theme", "../theme/theme1.xml")]),
    );
    let mut media: Vec<(String, Vec<u8>)> = Vec::new();
    for (index, slide) in slides.iter().enumerate() {
        let n = file_number(index);
        let show = if slide.hidden { r#" show="0""# } else { "" };
        let mut shapes = text_shape(
            2,
            "",
            &slide.title,
            (457_200, 2_743_200, 11_277_600, 1_371_600),
        );
        let mut rels = vec![
            (
                "rId1".to_owned(),
                "slideLayout".to_owned(),
                "../slideLayouts/slideLayout1.xml".to_owned(),
            ),
            (
                "rId2".to_owned(),
                "notesSlide".to_owned(),
                format!("../notesSlides/notesSlide{n}.xml"),
            ),
        ];
        if let Some(picture) = &slide.picture {
            let name = format!("image{n}.{}", picture_extension(picture));
            media.push((format!("ppt/media/{name}"), picture.clone()));
            rels.push((
                "rId3".to_owned(),
                "image".to_owned(),
                format!("../media/{name}"),
            ));
            shapes.insert_str(0, r#"<p:pic><p:nvPicPr><p:cNvPr id="3" name="Picture"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId3"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="12192000" cy="6858000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#);
        }
        if let Some(video) = &slide.video {
            media.push((format!("ppt/media/{video}"), b"not really a video".to_vec()));
            rels.push((
                "rId4".to_owned(),
                "video".to_owned(),
                format!("../media/{video}"),
            ));
            rels.push((
                "rId5".to_owned(),
                "http://schemas.microsoft.com/office/2007/relationships/media".to_owned(),
                format!("../media/{video}"),
            ));
        }
        add(
            &format!("ppt/slides/slide{n}.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld {P}{show}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
            ),
        );
        let rels: Vec<(&str, &str, &str)> = rels
            .iter()
            .map(|(id, kind, target)| (id.as_str(), kind.as_str(), target.as_str()))
            .collect();
        add(
            &format!("ppt/slides/_rels/slide{n}.xml.rels"),
            relationships(&rels),
        );
        // The notes page as PowerPoint writes it: the slide's image, the notes body, the number.
        let notes = format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>{}{}"#,
            text_shape(
                3,
                r#"<p:ph type="body" idx="1"/>"#,
                &slide.notes,
                (685_800, 4_400_550, 5_486_400, 3_600_450)
            ),
            text_shape(
                4,
                r#"<p:ph type="sldNum" sz="quarter" idx="5"/>"#,
                &(index + 1).to_string(),
                (3_884_613, 8_685_213, 2_971_800, 458_787)
            ),
        );
        add(
            &format!("ppt/notesSlides/notesSlide{n}.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:notes {P}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>{notes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
            ),
        );
        add(
            &format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            relationships(&[
                ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                ("rId2", "slide", &format!("../slides/slide{n}.xml")),
            ]),
        );
    }
    parts.extend(media);
    write_zip(path, &parts, None);
}

/// Writes an `.odp` of `slides` (16:9) to `path`: hidden slides through their page style, as
/// Impress saves them.
pub fn write_odp(path: &Path, slides: &[FixtureSlide]) {
    let mut pages = String::new();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut manifest = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.presentation"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>"#,
    );
    for (index, slide) in slides.iter().enumerate() {
        let style = if slide.hidden { "dpHidden" } else { "dp1" };
        let notes: String = slide
            .notes
            .split('\n')
            .map(|line| format!("<text:p>{}</text:p>", escape(line)))
            .collect();
        let mut picture = String::new();
        if let Some(bytes) = &slide.picture {
            let extension = picture_extension(bytes);
            let name = format!("Pictures/slide{}.{extension}", index + 1);
            let kind = if extension == "jpg" { "jpeg" } else { "png" };
            write!(manifest, r#"<manifest:file-entry manifest:full-path="{name}" manifest:media-type="image/{kind}"/>"#).unwrap();
            parts.push((name.clone(), bytes.clone()));
            write!(picture, r#"<draw:frame draw:layer="layout" svg:width="28cm" svg:height="15.75cm" svg:x="0cm" svg:y="0cm"><draw:image xlink:href="{name}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>"#).unwrap();
        }
        if let Some(video) = &slide.video {
            let name = format!("Media/{video}");
            // Every part must be in the manifest, or LibreOffice takes the file for damaged.
            write!(manifest, r#"<manifest:file-entry manifest:full-path="{name}" manifest:media-type="video/mp4"/>"#).unwrap();
            parts.push((name.clone(), b"not really a video".to_vec()));
            write!(picture, r#"<draw:frame draw:layer="layout" svg:width="8cm" svg:height="6cm" svg:x="1cm" svg:y="1cm"><draw:plugin xlink:href="{name}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="video/mp4"/></draw:frame>"#).unwrap();
        }
        write!(
            pages,
            r#"<draw:page draw:name="page{n}" draw:style-name="{style}" draw:master-page-name="Default">{picture}<draw:frame draw:layer="layout" svg:width="25cm" svg:height="3cm" svg:x="1.5cm" svg:y="6cm"><draw:text-box><text:p>{title}</text:p></draw:text-box></draw:frame><presentation:notes draw:style-name="dp1"><draw:page-thumbnail draw:layer="layout" svg:width="14cm" svg:height="7.9cm" svg:x="3.5cm" svg:y="2cm" draw:page-number="{n}" presentation:class="page"/><draw:frame draw:layer="layout" svg:width="16.8cm" svg:height="13.3cm" svg:x="2.1cm" svg:y="12.5cm" presentation:class="notes"><draw:text-box>{notes}</draw:text-box></draw:frame></presentation:notes></draw:page>"#,
            n = index + 1,
            title = escape(&slide.title),
        )
        .unwrap();
    }
    manifest.push_str("</manifest:manifest>");
    let namespaces = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.2""#;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {namespaces}><office:font-face-decls><style:font-face style:name="PT Sans" svg:font-family="'PT Sans'"/></office:font-face-decls><office:automatic-styles><style:style style:name="dp1" style:family="drawing-page"/><style:style style:name="dpHidden" style:family="drawing-page"><style:drawing-page-properties presentation:visibility="hidden"/></style:style></office:automatic-styles><office:body><office:presentation>{pages}</office:presentation></office:body></office:document-content>"#
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {namespaces}><office:styles/><office:automatic-styles><style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"/></office:master-styles></office:document-styles>"#
    );
    let mut all = vec![
        ("content.xml".to_owned(), content.into_bytes()),
        ("styles.xml".to_owned(), styles.into_bytes()),
        ("META-INF/manifest.xml".to_owned(), manifest.into_bytes()),
    ];
    all.extend(parts);
    write_zip(
        path,
        &all,
        Some(b"application/vnd.oasis.opendocument.presentation"),
    );
}

/// An `.odp` saved with a password, as Impress writes it: the zip is readable, its manifest
/// says the parts are encrypted, and content.xml is not XML.
pub fn write_protected_odp(path: &Path) {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.presentation"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="4000"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#;
    write_zip(
        path,
        &[
            ("content.xml".to_owned(), vec![0x9c, 0x01, 0xff, 0x80, 0x7f]),
            (
                "META-INF/manifest.xml".to_owned(),
                manifest.as_bytes().to_vec(),
            ),
        ],
        Some(b"application/vnd.oasis.opendocument.presentation"),
    );
}

/// A `.pptx` saved with a password, as PowerPoint writes it: not a zip but an OLE compound file
/// (only its first bytes matter here).
pub fn write_protected_pptx(path: &Path) {
    let mut bytes = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    bytes.extend(std::iter::repeat_n(0, 504));
    std::fs::write(path, bytes).unwrap();
}

/// `jpg` for JPEG bytes, else `png`.
fn picture_extension(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xff, 0xd8]) {
        "jpg"
    } else {
        "png"
    }
}

/// A zip of `parts`; an OpenDocument's `mimetype` first and stored, when given.
fn write_zip(path: &Path, parts: &[(String, Vec<u8>)], mimetype: Option<&[u8]>) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    if let Some(mimetype) = mimetype {
        zip.start_file(
            "mimetype",
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
        zip.write_all(mimetype).unwrap();
    }
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

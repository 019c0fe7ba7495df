//! Choices the runner makes from a short list (theme, unit, week start, rating …): each
//! enum is declared with [`choice!`], which spells every variant once for the UI, the
//! database and backups, and reads it back the same way.

/// A name that is not one of a choice's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not one of the choices")]
pub struct Unknown;

/// Declares a choice enum: `Variant = "spelling"`, one per line. It gets `ALL` (in order),
/// `as_str`, `parse`, `FromStr`, and serde both ways by that spelling. Attributes before the
/// enum (docs, more derives) and before each variant (docs, `#[default]`) are kept.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            /// Every choice, in order.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];
            /// Every spelling, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// How it is spelled in the UI, the database and backups.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The choice spelled `text`, if it is one.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|c| c.as_str() == text)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::choice::Unknown;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::parse(text).ok_or($crate::choice::Unknown)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::parse(&text).ok_or_else(|| serde::de::Error::unknown_variant(&text, Self::NAMES))
            }
        }
    };
}
pub(crate) use choice;

#[cfg(test)]
mod tests {
    use crate::appearance::Theme;
    use crate::routine::readiness::Question;
    use crate::shoes::Unit;

    #[test]
    fn a_choice_reads_back_as_it_is_spelled_and_nothing_else() {
        for theme in Theme::ALL {
            assert_eq!(theme.as_str().parse::<Theme>(), Ok(theme));
            let json = serde_json::to_string(&theme).unwrap();
            assert_eq!(json, format!("\"{}\"", theme.as_str()));
            assert_eq!(serde_json::from_str::<Theme>(&json).unwrap(), theme);
        }
        assert_eq!(Question::parse("bone-or-joint"), Some(Question::BoneOrJoint));
        for bad in ["", "KM", "km ", "kilometres"] {
            assert!(bad.parse::<Unit>().is_err(), "{bad:?}");
        }
        assert!(serde_json::from_str::<Unit>("\"yards\"").is_err());
    }
}

-- The recipe a rendition was made by (RenditionRecipe.fingerprint: profile geometry, sound, loudness target,
-- maker revision). NULL: made before recipes were recorded, so by older commands: made again on start.
ALTER TABLE rendition ADD COLUMN recipe VARCHAR(64);

import recommendationsJson from './recommendations.json' with { type: 'json' };
import usabilityJson from './usability.json' with { type: 'json' };

/** Typed views of the standards collectors' data files (word lists, thresholds); a country's facts are in its profile. */

export interface PhraseLists {
  linkPhrases: string[];
  textPhrases: string[];
}

export interface RecommendationsData {
  maxFindingsPerKind: number;
  privacyPolicy: PhraseLists;
  procedureRequirements: {
    procedurePhrases: string[];
    requirementPhrases: string[];
    minListItems: number;
    maxListItemLength: number;
  };
  procedureTracking: PhraseLists & { fieldPhrases: string[] };
  openData: PhraseLists & {
    datasetExtensions: string[];
    excludeHrefPatterns: string[];
    portalHostPatterns: string[];
    portalPathPatterns: string[];
    portalGenerators: string[];
  };
  publicInformation: PhraseLists & { contextualPhrases: { phrase: string; requires: string[] }[] };
  feedbackChannel: PhraseLists & { formPhrases: string[] };
  documentFormats: { extensions: string[]; open: string[] };
}

export interface UsabilityData {
  contentLanguage: {
    minCharacters: number;
    maxCharacters: number;
    minWordsPerProseLine: number;
    minScoreGap: number;
    iso6393to6391: Record<string, string>;
  };
  notFoundProbe: { pathTemplate: string };
  keyPages: { groups: { id: string; phrases: string[] }[] };
}

export const recommendationsData = recommendationsJson as RecommendationsData;
export const usabilityData = usabilityJson as UsabilityData;

package nl.samenaanwezig.lti;

import java.util.Set;

/** Claim names and fixed values of IMS LTI Core 1.3 and its Advantage services. */
public final class LtiClaims {
  private LtiClaims() {}

  public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  public static final String MESSAGE_TYPE = LTI + "message_type";
  public static final String VERSION = LTI + "version";
  public static final String DEPLOYMENT_ID = LTI + "deployment_id";
  public static final String TARGET_LINK_URI = LTI + "target_link_uri";
  public static final String RESOURCE_LINK = LTI + "resource_link";
  public static final String ROLES = LTI + "roles";
  public static final String CONTEXT = LTI + "context";
  public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
  public static final String CUSTOM = LTI + "custom";
  public static final String TOOL_PLATFORM = LTI + "tool_platform";
  public static final String NRPS =
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
  public static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
  public static final String DEEP_LINKING_SETTINGS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
  public static final String DEEP_LINKING_CONTENT_ITEMS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
  public static final String DEEP_LINKING_DATA =
      "https://purl.imsglobal.org/spec/lti-dl/claim/data";

  /** LTI AGS 2.0 scopes: manage line items, read them, post scores, read results. */
  public static final String AGS_SCOPE_LINEITEM =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

  public static final String AGS_SCOPE_LINEITEM_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
  public static final String AGS_SCOPE_SCORE =
      "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  public static final String AGS_SCOPE_RESULT_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
  public static final Set<String> AGS_SCOPES =
      Set.of(
          AGS_SCOPE_LINEITEM,
          AGS_SCOPE_LINEITEM_READONLY,
          AGS_SCOPE_SCORE,
          AGS_SCOPE_RESULT_READONLY);

  public static final String VERSION_1_3_0 = "1.3.0";
  public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
  public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
  public static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";
}

/**
 * The GovStack E-Marketplace 0.2 objects used by section 8.12 "Support Management", as immutable
 * values named as in the contract ({@code support-management-0.2.yaml}). Java names are camelCase; their
 * JSON names are the contract's snake_case (for example {@link io.supportflow.spec.govstack.Support#callbackPhone()}
 * is {@code callback_phone}). Every component may be {@code null} (the contract makes nothing required);
 * lists are never {@code null} (absent means empty) and are unmodifiable.
 */
package io.supportflow.spec.govstack;
